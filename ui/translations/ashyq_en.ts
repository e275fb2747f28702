<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../alerts_view.py" line="207"/>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../alerts_view.py" line="45"/>
        <source>the number in [ses] phone</source>
        <translation>the number in [ses] phone</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="46"/>
        <source>Visitor %1, let in at %2 while the service was down, has red status. The report to the sanitary service is queued. Find the visitor and call %3.</source>
        <translation>Visitor %1, let in at %2 while the service was down, has red status. The report to the sanitary service is queued. Find the visitor and call %3.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="51"/>
        <source>Visitor %1 has red status: do not let them in. The report to the sanitary service is queued; call %2 if they need to speak to you.</source>
        <translation>Visitor %1 has red status: do not let them in. The report to the sanitary service is queued; call %2 if they need to speak to you.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="56"/>
        <source>Visitor %1 is already inside (since %2). Check that it is the same person.</source>
        <translation>Visitor %1 is already inside (since %2). Check that it is the same person.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="59"/>
        <source>%1 people inside of %2 allowed: entries are refused.</source>
        <translation>%1 people inside of %2 allowed: entries are refused.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="60"/>
        <source>The %1 stopped: check its cable. The kiosk retries by itself.</source>
        <translation>The %1 stopped: check its cable. The kiosk retries by itself.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="61"/>
        <source>%1 events waiting since %2: check the network. Nothing is lost.</source>
        <translation>%1 events waiting since %2: check the network. Nothing is lost.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="64"/>
        <source>This PC&apos;s clock is %1 s off the service&apos;s: set the time; passes depend on it.</source>
        <translation>This PC&apos;s clock is %1 s off the service&apos;s: set the time; passes depend on it.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="67"/>
        <source>The service refused %1 events: call support. They are kept.</source>
        <translation>The service refused %1 events: call support. They are kept.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="68"/>
        <source>The pass keys were last fetched %1 days ago, on %2: a pass signed by a newer key goes to staff to decide. Check the network.</source>
        <translation>The pass keys were last fetched %1 days ago, on %2: a pass signed by a newer key goes to staff to decide. Check the network.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="73"/>
        <source>The pass keys have never been fetched from the service: passes signed by its keys go to staff to decide. Check the network.</source>
        <translation>The pass keys have never been fetched from the service: passes signed by its keys go to staff to decide. Check the network.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="78"/>
        <source>Referral %1: the doctor decided %2.</source>
        <translation>Referral %1: the doctor decided %2.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="79"/>
        <source>cleared, the passenger may board</source>
        <translation>cleared, the passenger may board</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="80"/>
        <source>confirmed, the status stands</source>
        <translation>confirmed, the status stands</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="81"/>
        <source>Referral %1: another doctor&apos;s decision came first and holds. Nothing to do.</source>
        <translation>Referral %1: another doctor&apos;s decision came first and holds. Nothing to do.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="84"/>
        <source>Referral %1: the service does not know it yet. Resolve it again once it has arrived.</source>
        <translation>Referral %1: the service does not know it yet. Resolve it again once it has arrived.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="88"/>
        <source>The service refused this device&apos;s token: call support. Events are kept.</source>
        <translation>The service refused this device&apos;s token: call support. Events are kept.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="91"/>
        <source>The database files were removed or replaced; the kiosk kept its data. Tell support.</source>
        <translation>The database files were removed or replaced; the kiosk kept its data. Tell support.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="95"/>
        <source>The check at start found a problem with: %1. The Desk health tab says what to do.</source>
        <translation>The check at start found a problem with: %1. The Desk health tab says what to do.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="98"/>
        <source>The kiosk crashed %1 times within a minute and was left stopped until this start. Tell support; the log file says why.</source>
        <translation>The kiosk crashed %1 times within a minute and was left stopped until this start. Tell support; the log file says why.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="103"/>
        <source>The gate does not answer: check its cable and power. Check-ins go on, but the gate does not open: let visitors through by hand. This alert goes by itself when the gate answers again.</source>
        <translation>The gate does not answer: check its cable and power. Check-ins go on, but the gate does not open: let visitors through by hand. This alert goes by itself when the gate answers again.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="109"/>
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="110"/>
        <source>scanner</source>
        <translation>scanner</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../alerts_view.py" line="255"/>
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
</context>
<context>
    <name>Boarding</name>
    <message>
        <location filename="../boarding.py" line="33"/>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="34"/>
        <source>Doctor room</source>
        <translation>Doctor room</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="35"/>
        <source>Slip for %1: %2</source>
        <translation>Slip for %1: %2</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="36"/>
        <source>Referral of %1 not sent: the next passenger was checked. Refer again if needed.</source>
        <translation>Referral of %1 not sent: the next passenger was checked. Refer again if needed.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../dashboard.py" line="38"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="39"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="215"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="216"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="220"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="221"/>
        <source>Reading the day…</source>
        <translation>Reading the day…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="224"/>
        <source>Day %1</source>
        <translation>Day %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="226"/>
        <source>Day %1 has not begun</source>
        <translation>Day %1 has not begun</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="228"/>
        <source>Day %1, so far (%2)</source>
        <translation>Day %1, so far (%2)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="234"/>
        <source>No one was let in</source>
        <translation>No one was let in</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="234"/>
        <source>No one let in yet</source>
        <translation>No one let in yet</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="236"/>
        <source>First entry %1 · no exit yet</source>
        <translation>First entry %1 · no exit yet</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="238"/>
        <source>Open %1 – %2 (%3 h %4 min): first entry to last exit</source>
        <translation>Open %1 – %2 (%3 h %4 min): first entry to last exit</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="248"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="249"/>
        <source>Could not save the file: %1</source>
        <translation>Could not save the file: %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="250"/>
        <source>Could not read the day: %1</source>
        <translation>Could not read the day: %1</translation>
    </message>
</context>
<context>
    <name>DayNumbers</name>
    <message>
        <location filename="../day_numbers.py" line="142"/>
        <source>Admitted</source>
        <translation>Admitted</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="142"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="143"/>
        <source>No answer</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="146"/>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="147"/>
        <source>Most inside</source>
        <translation>Most inside</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="148"/>
        <source>%1 (%2 at closing)</source>
        <translation>%1 (%2 at closing)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="149"/>
        <source>Exits</source>
        <translation>Exits</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="152"/>
        <source>Annulled at the gate (nobody walked through)</source>
        <translation>Annulled at the gate (nobody walked through)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="153"/>
        <source>entries %1 · exits %2</source>
        <translation>entries %1 · exits %2</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="159"/>
        <source>Let in unverified</source>
        <translation>Let in unverified</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="160"/>
        <source>%1: red %2 · not red %3 · not known yet %4</source>
        <translation>%1: red %2 · not red %3 · not known yet %4</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="169"/>
        <source>Red reports to the SES</source>
        <translation>Red reports to the SES</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="170"/>
        <source>%1: delivered %2 · queued %3</source>
        <translation>%1: delivered %2 · queued %3</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="176"/>
        <source>open %1 · cleared %2 · confirmed %3</source>
        <translation>open %1 · cleared %2 · confirmed %3</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="178"/>
        <source>Doctor referrals</source>
        <translation>Doctor referrals</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="180"/>
        <source>Staff overrides</source>
        <translation>Staff overrides</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../events_view.py" line="81"/>
        <source>Out (closing)</source>
        <translation>Out (closing)</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="81"/>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="83"/>
        <source>In: admitted</source>
        <translation>In: admitted</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="84"/>
        <source>In: refused</source>
        <translation>In: refused</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="85"/>
        <source>In: no answer</source>
        <translation>In: no answer</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="102"/>
        <source>Latest events</source>
        <translation>Latest events</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="102"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="105"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="106"/>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="107"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="108"/>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="109"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="110"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <location filename="../gate_view.py" line="43"/>
        <source>The gate was not opened: it has no output for that way (see [gate] settings).</source>
        <translation>The gate was not opened: it has no output for that way (see [gate] settings).</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="46"/>
        <source>The gate was not opened: choose the operator first.</source>
        <translation>The gate was not opened: choose the operator first.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="49"/>
        <source>The gate was not opened: say why it should open.</source>
        <translation>The gate was not opened: say why it should open.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="52"/>
        <source>The gate was not opened: too late, the visitor may have gone. Try again.</source>
        <translation>The gate was not opened: too late, the visitor may have gone. Try again.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="55"/>
        <source>The gate was not opened: it already opened for this visitor.</source>
        <translation>The gate was not opened: it already opened for this visitor.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="58"/>
        <source>The gate was not opened: the way in and the way out were mixed up.</source>
        <translation>The gate was not opened: the way in and the way out were mixed up.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="61"/>
        <source>The gate was not opened: the visitor was not admitted.</source>
        <translation>The gate was not opened: the visitor was not admitted.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="64"/>
        <source>The gate was not opened: the same code shown again records nothing.</source>
        <translation>The gate was not opened: the same code shown again records nothing.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="67"/>
        <source>The gate was not opened: a doctor-room look-up lets nobody through.</source>
        <translation>The gate was not opened: a doctor-room look-up lets nobody through.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="70"/>
        <source>The gate was not opened: answer the question first.</source>
        <translation>The gate was not opened: answer the question first.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="73"/>
        <source>The gate was not opened: nothing was recorded for it.</source>
        <translation>The gate was not opened: nothing was recorded for it.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="79"/>
        <source>The gate did not answer in time: it was not opened, and will not open later.</source>
        <translation>The gate did not answer in time: it was not opened, and will not open later.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="82"/>
        <source>Gate: connecting…</source>
        <translation>Gate: connecting…</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="83"/>
        <source>Gate: ready</source>
        <translation>Gate: ready</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="84"/>
        <source>Gate does not answer — check its cable</source>
        <translation>Gate does not answer — check its cable</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="85"/>
        <source>Gate open: waiting for a passage (%1)</source>
        <translation>Gate open: waiting for a passage (%1)</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="88"/>
        <source>Entry annulled — nobody walked through</source>
        <translation>Entry annulled — nobody walked through</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="89"/>
        <source>Exit annulled — nobody walked through</source>
        <translation>Exit annulled — nobody walked through</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="90"/>
        <source>Gate opened by %1: %2</source>
        <translation>Gate opened by %1: %2</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="91"/>
        <source>Exit opened by %1: %2</source>
        <translation>Exit opened by %1: %2</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="92"/>
        <source>%1 (annulled)</source>
        <translation>%1 (annulled)</translation>
    </message>
</context>
<context>
    <name>GateBar</name>
    <message>
        <location filename="../gate_view.py" line="285"/>
        <source>Open gate</source>
        <translation>Open gate</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="286"/>
        <source>Open exit</source>
        <translation>Open exit</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="287"/>
        <source>Open the gate for one visitor</source>
        <translation>Open the gate for one visitor</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="288"/>
        <source>Open the exit for one visitor</source>
        <translation>Open the exit for one visitor</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../health_words.py" line="22"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="23"/>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="24"/>
        <source>Disk space</source>
        <translation>Disk space</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="25"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="26"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="27"/>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="28"/>
        <source>Pass keys</source>
        <translation>Pass keys</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="29"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="30"/>
        <source>Serial scanner</source>
        <translation>Serial scanner</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="31"/>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="32"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="33"/>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="34"/>
        <source>Restarts</source>
        <translation>Restarts</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="35"/>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="39"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="40"/>
        <source>warning</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="41"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="44"/>
        <source>On Windows set [camera] backend = &quot;dshow&quot;, or the environment variable OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0.</source>
        <translation>On Windows set [camera] backend = &quot;dshow&quot;, or the environment variable OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="53"/>
        <source>none at this desk</source>
        <translation>none at this desk</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="54"/>
        <source>not checked now (run ashyq-kiosk doctor)</source>
        <translation>not checked now (run ashyq-kiosk doctor)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="55"/>
        <source>no answer within %(seconds) s</source>
        <translation>no answer within %(seconds) s</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="56"/>
        <source>could not be checked: %(detail)</source>
        <translation>could not be checked: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="57"/>
        <source>valid (%(file))</source>
        <translation>valid (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="58"/>
        <source>cannot be used: correct the key named, then start again. %(detail)</source>
        <translation>cannot be used: correct the key named, then start again. %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="61"/>
        <source>a PIN has fewer than 6 digits: make a new hash with ashyq-kiosk hash-pin (%(file))</source>
        <translation>a PIN has fewer than 6 digits: make a new hash with ashyq-kiosk hash-pin (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="65"/>
        <source>no admin PIN: anyone can leave the kiosk or change its settings; set [pins] admin with ashyq-kiosk hash-pin (%(file))</source>
        <translation>no admin PIN: anyone can leave the kiosk or change its settings; set [pins] admin with ashyq-kiosk hash-pin (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="70"/>
        <source>%(path)</source>
        <translation>%(path)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="71"/>
        <source>%(path) cannot be written (%(detail)): let the kiosk&apos;s user write there, or choose another folder with --data-dir</source>
        <translation>%(path) cannot be written (%(detail)): let the kiosk&apos;s user write there, or choose another folder with --data-dir</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="76"/>
        <source>%(path) cannot be written (%(detail)): the kiosk runs without a log</source>
        <translation>%(path) cannot be written (%(detail)): the kiosk runs without a log</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="79"/>
        <source>%(free_mb) MB free</source>
        <translation>%(free_mb) MB free</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="80"/>
        <source>only %(free_mb) MB free: free some space soon</source>
        <translation>only %(free_mb) MB free: free some space soon</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="81"/>
        <source>only %(free_mb) MB free: the kiosk may stop recording; free space now</source>
        <translation>only %(free_mb) MB free: the kiosk may stop recording; free space now</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="84"/>
        <source>intact; %(pending) event(s) waiting to be sent</source>
        <translation>intact; %(pending) event(s) waiting to be sent</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="85"/>
        <source>damaged: stop the kiosk and run ashyq-kiosk recover (%(detail))</source>
        <translation>damaged: stop the kiosk and run ashyq-kiosk recover (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="88"/>
        <source>cannot be opened: %(detail)</source>
        <translation>cannot be opened: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="89"/>
        <source>%(url) answers in %(rtt_ms) ms and accepts this device&apos;s token</source>
        <translation>%(url) answers in %(rtt_ms) ms and accepts this device&apos;s token</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="92"/>
        <source>%(url) answers in %(rtt_ms) ms, over the look-up limit of %(deadline_ms) ms: look-ups will fall back to passes and the cache</source>
        <translation>%(url) answers in %(rtt_ms) ms, over the look-up limit of %(deadline_ms) ms: look-ups will fall back to passes and the cache</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="97"/>
        <source>%(url) does not answer: check the network and [service] url (%(detail))</source>
        <translation>%(url) does not answer: check the network and [service] url (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="100"/>
        <source>%(driver) gate does not answer: check its cable and address (%(detail))</source>
        <translation>%(driver) gate does not answer: check its cable and address (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="103"/>
        <source>%(driver) gate answers</source>
        <translation>%(driver) gate answers</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="104"/>
        <source>its settings cannot work: %(detail)</source>
        <translation>its settings cannot work: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="105"/>
        <source>%(url) refuses this device&apos;s token: check [service] token with the service&apos;s operator</source>
        <translation>%(url) refuses this device&apos;s token: check [service] token with the service&apos;s operator</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="109"/>
        <source>%(url) answered with an error: %(detail)</source>
        <translation>%(url) answered with an error: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="110"/>
        <source>%(skew_s) s from the service&apos;s clock</source>
        <translation>%(skew_s) s from the service&apos;s clock</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="111"/>
        <source>%(skew_s) s from the service&apos;s clock: let the PC set its time automatically</source>
        <translation>%(skew_s) s from the service&apos;s clock: let the PC set its time automatically</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="115"/>
        <source>%(skew_s) s from the service&apos;s clock, more than passes allow (%(allowance_s) s): passes will be refused; set the PC&apos;s time now</source>
        <translation>%(skew_s) s from the service&apos;s clock, more than passes allow (%(allowance_s) s): passes will be refused; set the PC&apos;s time now</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="120"/>
        <source>not measured: the service did not answer</source>
        <translation>not measured: the service did not answer</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="121"/>
        <source>%(keys) key(s), fetched %(age_h) h ago</source>
        <translation>%(keys) key(s), fetched %(age_h) h ago</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="122"/>
        <source>%(keys) key(s), fetched %(age_h) h ago: the kiosk fetches them again when online</source>
        <translation>%(keys) key(s), fetched %(age_h) h ago: the kiosk fetches them again when online</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="126"/>
        <source>fetched %(age_h) h ago: passes signed by a newer key go to staff; connect the kiosk to the service</source>
        <translation>fetched %(age_h) h ago: passes signed by a newer key go to staff; connect the kiosk to the service</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="131"/>
        <source>never fetched (%(keys) pinned): the kiosk fetches them when it runs online</source>
        <translation>never fetched (%(keys) pinned): the kiosk fetches them when it runs online</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="135"/>
        <source>working</source>
        <translation>working</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="136"/>
        <source>%(width)×%(height) at %(fps) fps, opened in %(open_s) s; a frame read and decoded</source>
        <translation>%(width)×%(height) at %(fps) fps, opened in %(open_s) s; a frame read and decoded</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="140"/>
        <source>plays on %(output)</source>
        <translation>plays on %(output)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="141"/>
        <source>took %(open_s) s to open (backend %(backend)), slow.</source>
        <translation>took %(open_s) s to open (backend %(backend)), slow.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="144"/>
        <source>camera %(device) did not open: check its cable and [camera] device (%(detail))</source>
        <translation>camera %(device) did not open: check its cable and [camera] device (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="148"/>
        <source>camera %(device) opened but gave no picture: try another USB port</source>
        <translation>camera %(device) opened but gave no picture: try another USB port</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="151"/>
        <source>the code reader cannot start: %(detail)</source>
        <translation>the code reader cannot start: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="154"/>
        <source>%(port) is there</source>
        <translation>%(port) is there</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="155"/>
        <source>%(printer) is installed</source>
        <translation>%(printer) is installed</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="156"/>
        <source>%(port) is not there: check the cable and [scanner] serial_port</source>
        <translation>%(port) is not there: check the cable and [scanner] serial_port</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="159"/>
        <source>muted in the settings</source>
        <translation>muted in the settings</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="160"/>
        <source>no sound output: the kiosk will be silent</source>
        <translation>no sound output: the kiosk will be silent</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="161"/>
        <source>sound files missing (%(missing)): install the kiosk again</source>
        <translation>sound files missing (%(missing)): install the kiosk again</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="164"/>
        <source>no printer set: referral slips are saved as PDFs in %(folder)</source>
        <translation>no printer set: referral slips are saved as PDFs in %(folder)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="167"/>
        <source>%(printer) is not installed here: slips are saved as PDFs in %(folder)</source>
        <translation>%(printer) is not installed here: slips are saved as PDFs in %(folder)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="170"/>
        <source>no crash in the last day</source>
        <translation>no crash in the last day</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="171"/>
        <source>crashed %(crashes) time(s) in the last day, last at %(last_crash_at): see the log</source>
        <translation>crashed %(crashes) time(s) in the last day, last at %(last_crash_at): see the log</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="175"/>
        <source>crashed %(crashes) times within a minute and was left stopped (last at %(last_crash_at)): read the log, fix the cause, then start the kiosk again</source>
        <translation>crashed %(crashes) times within a minute and was left stopped (last at %(last_crash_at)): read the log, fix the cause, then start the kiosk again</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="180"/>
        <source>crashed %(crashes) times within a minute (last at %(last_crash_at)) and was started again since: see the log</source>
        <translation>crashed %(crashes) times within a minute (last at %(last_crash_at)) and was started again since: see the log</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="187"/>
        <source>still opening after %(open_s) s (backend %(backend)), slow.</source>
        <translation>still opening after %(open_s) s (backend %(backend)), slow.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="190"/>
        <source>camera %(device) is running</source>
        <translation>camera %(device) is running</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="271"/>
        <source>%(failed) failed, %(warning) warning(s), %(ok) ok</source>
        <translation>%(failed) failed, %(warning) warning(s), %(ok) ok</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <location filename="../health_view.py" line="161"/>
        <source>Desk health</source>
        <translation>Desk health</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="162"/>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="163"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="163"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="166"/>
        <source>The check could not be made: %1</source>
        <translation>The check could not be made: %1</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="168"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="170"/>
        <source>The check at start has not finished yet.</source>
        <translation>The check at start has not finished yet.</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="173"/>
        <source>Checked at %1: %2 failed, %3 warning(s), %4 ok</source>
        <translation>Checked at %1: %2 failed, %3 warning(s), %4 ok</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="204"/>
        <source>Log file: %1</source>
        <translation>Log file: %1</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../entry.py" line="63"/>
        <location filename="../entry.py" line="64"/>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location filename="../entry.py" line="66"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KioskScreens</name>
    <message>
        <location filename="../kiosk.py" line="249"/>
        <source>The kiosk cannot record check-ins any more and has stopped.</source>
        <translation>The kiosk cannot record check-ins any more and has stopped.</translation>
    </message>
    <message>
        <location filename="../kiosk.py" line="251"/>
        <source>Nothing recorded so far is lost. If it happens again, call support.</source>
        <translation>Nothing recorded so far is lost. If it happens again, call support.</translation>
    </message>
</context>
<context>
    <name>LanguageOrder</name>
    <message>
        <location filename="../language_order.py" line="93"/>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../language_order.py" line="94"/>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
</context>
<context>
    <name>LastDecisionCard</name>
    <message>
        <location filename="../staff_cards.py" line="206"/>
        <source>Refer to doctor</source>
        <translation>Refer to doctor</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="211"/>
        <source>Waiting for the first passenger</source>
        <translation>Waiting for the first passenger</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="213"/>
        <source>Waiting for the first visitor</source>
        <translation>Waiting for the first visitor</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../entry.py" line="131"/>
        <source>Visitor without a phone: type the IIN</source>
        <translation>Visitor without a phone: type the IIN</translation>
    </message>
    <message>
        <location filename="../entry.py" line="132"/>
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../entry.py" line="133"/>
        <source>IIN</source>
        <translation>IIN</translation>
    </message>
    <message>
        <location filename="../entry.py" line="134"/>
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../entry.py" line="135"/>
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <location filename="../entry.py" line="137"/>
        <source>Passenger without a phone: type the IIN</source>
        <translation>Passenger without a phone: type the IIN</translation>
    </message>
    <message>
        <location filename="../entry.py" line="138"/>
        <source>Check passenger</source>
        <translation>Check passenger</translation>
    </message>
    <message>
        <location filename="../entry.py" line="144"/>
        <source>%1 of 12 digits</source>
        <translation>%1 of 12 digits</translation>
    </message>
    <message>
        <location filename="../entry.py" line="149"/>
        <source>The 7th digit must be 1 to 6 (century and sex)</source>
        <translation>The 7th digit must be 1 to 6 (century and sex)</translation>
    </message>
    <message>
        <location filename="../entry.py" line="150"/>
        <source>The first six digits are not a real birth date</source>
        <translation>The first six digits are not a real birth date</translation>
    </message>
    <message>
        <location filename="../entry.py" line="151"/>
        <source>The last digit does not match: a typo?</source>
        <translation>The last digit does not match: a typo?</translation>
    </message>
    <message>
        <location filename="../entry.py" line="152"/>
        <source>Not a valid IIN</source>
        <translation>Not a valid IIN</translation>
    </message>
    <message>
        <location filename="../entry.py" line="158"/>
        <source>Valid IIN</source>
        <translation>Valid IIN</translation>
    </message>
</context>
<context>
    <name>OccupancyChart</name>
    <message>
        <location filename="../occupancy_chart.py" line="104"/>
        <source>People inside</source>
        <translation>People inside</translation>
    </message>
    <message>
        <location filename="../occupancy_chart.py" line="109"/>
        <source>Nobody came in that day</source>
        <translation>Nobody came in that day</translation>
    </message>
    <message>
        <location filename="../occupancy_chart.py" line="111"/>
        <source>Nobody has come in yet</source>
        <translation>Nobody has come in yet</translation>
    </message>
</context>
<context>
    <name>OperatorPicker</name>
    <message>
        <location filename="../operator.py" line="60"/>
        <source>Operator name</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <location filename="../operator.py" line="62"/>
        <source>Type a name, then Enter</source>
        <translation>Type a name, then Enter</translation>
    </message>
    <message>
        <location filename="../operator.py" line="94"/>
        <source>Another name…</source>
        <translation>Another name…</translation>
    </message>
    <message>
        <location filename="../operator.py" line="95"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../operator.py" line="96"/>
        <source>Who answers staff questions; another name needs the admin PIN</source>
        <translation>Who answers staff questions; another name needs the admin PIN</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../pin_dialog.py" line="33"/>
        <source>Admin PIN</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="34"/>
        <source>Doctor PIN</source>
        <translation>Doctor PIN</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="256"/>
        <location filename="../pin_dialog.py" line="257"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="258"/>
        <location filename="../pin_dialog.py" line="259"/>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="260"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="261"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="270"/>
        <source>No PIN is set: ask the administrator to set [pins] %1</source>
        <translation>No PIN is set: ask the administrator to set [pins] %1</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="273"/>
        <source>Locked: try again in %1</source>
        <translation>Locked: try again in %1</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="275"/>
        <source>A PIN has 4 to 12 digits</source>
        <translation>A PIN has 4 to 12 digits</translation>
    </message>
    <message numerus="yes">
        <location filename="../pin_dialog.py" line="277"/>
        <source>Wrong PIN. Tries left: %n</source>
        <translation>
            <numerusform>Wrong PIN. Tries left: %n</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="278"/>
        <source>Enter the PIN</source>
        <translation>Enter the PIN</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../staff_cards.py" line="97"/>
        <source>Admit</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="98"/>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="104"/>
        <source>Decide for passenger %1</source>
        <translation>Decide for passenger %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="106"/>
        <source>Decide for visitor %1</source>
        <translation>Decide for visitor %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="112"/>
        <source>Waiting for an answer after this visitor: %1</source>
        <translation>Waiting for an answer after this visitor: %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="121"/>
        <source>Already inside since %1: the same code shown again? Admit only if it is the same person coming back.</source>
        <translation>Already inside since %1: the same code shown again? Admit only if it is the same person coming back.</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="126"/>
        <source>The pass is signed by a key this desk does not have yet, and the service does not answer to send it. Ask for a document, then decide.</source>
        <translation>The pass is signed by a key this desk does not have yet, and the service does not answer to send it. Ask for a document, then decide.</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="130"/>
        <source>No status could be verified: the service does not answer and nothing is cached. Ask for a document, then decide.</source>
        <translation>No status could be verified: the service does not answer and nothing is cached. Ask for a document, then decide.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../gate_view.py" line="174"/>
        <source>Open the exit: why?</source>
        <translation>Open the exit: why?</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="174"/>
        <source>Open the gate: why?</source>
        <translation>Open the gate: why?</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="177"/>
        <source>e.g. visitor without a phone, checked by ID</source>
        <translation>e.g. visitor without a phone, checked by ID</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="178"/>
        <source>Reason for opening the gate</source>
        <translation>Reason for opening the gate</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="179"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="180"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../referrals_view.py" line="133"/>
        <source>Refer to doctor</source>
        <translation>Refer to doctor</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="134"/>
        <source>Refer %1 to the doctor room</source>
        <translation>Refer %1 to the doctor room</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="137"/>
        <source>Note for the doctor (optional)</source>
        <translation>Note for the doctor (optional)</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="138"/>
        <source>Note for the doctor</source>
        <translation>Note for the doctor</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="140"/>
        <source>Refer</source>
        <translation>Refer</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="141"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <location filename="../referrals_view.py" line="45"/>
        <source>The passenger says the status is wrong</source>
        <translation>The passenger says the status is wrong</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="48"/>
        <source>Yellow status: a contact</source>
        <translation>Yellow status: a contact</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="49"/>
        <source>Red status: a positive test</source>
        <translation>Red status: a positive test</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="50"/>
        <source>No status could be verified</source>
        <translation>No status could be verified</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="51"/>
        <source>Something else (say what in the note)</source>
        <translation>Something else (say what in the note)</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="54"/>
        <source>Cleared: may board</source>
        <translation>Cleared: may board</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="55"/>
        <source>Confirmed: the status stands</source>
        <translation>Confirmed: the status stands</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="57"/>
        <source>Waiting for the doctor</source>
        <translation>Waiting for the doctor</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="59"/>
        <source>The gate will let the passenger board, whatever the status said.</source>
        <translation>The gate will let the passenger board, whatever the status said.</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="62"/>
        <source>The gate keeps refusing the passenger: the status stands.</source>
        <translation>The gate keeps refusing the passenger: the status stands.</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../referrals_view.py" line="361"/>
        <source>Choose a referral in the list</source>
        <translation>Choose a referral in the list</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="372"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="373"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="374"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="375"/>
        <source>Passenger</source>
        <translation>Passenger</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="376"/>
        <source>Status shown</source>
        <translation>Status shown</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="377"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="378"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="381"/>
        <location filename="../referrals_view.py" line="382"/>
        <source>The doctor&apos;s note</source>
        <translation>The doctor&apos;s note</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="383"/>
        <source>Referrals</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="384"/>
        <source>Cleared: may board</source>
        <translation>Cleared: may board</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="385"/>
        <source>Confirmed: status stands</source>
        <translation>Confirmed: status stands</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <location filename="../referrals_view.py" line="201"/>
        <source>Confirm the doctor&apos;s decision</source>
        <translation>Confirm the doctor&apos;s decision</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="202"/>
        <source>Ticket %1 · %2</source>
        <translation>Ticket %1 · %2</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="206"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="207"/>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="208"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>SesView</name>
    <message>
        <location filename="../ses_view.py" line="77"/>
        <source>refused at the desk</source>
        <translation>refused at the desk</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="79"/>
        <source>admitted offline, found red later</source>
        <translation>admitted offline, found red later</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="80"/>
        <source>refused offline, found red later</source>
        <translation>refused offline, found red later</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="84"/>
        <source>Refused by the service (%1): call the sanitary service</source>
        <translation>Refused by the service (%1): call the sanitary service</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="88"/>
        <source>Queued: no connection yet. Call if the visitor is still here</source>
        <translation>Queued: no connection yet. Call if the visitor is still here</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="90"/>
        <source>Delivered; the service received it at %1</source>
        <translation>Delivered; the service received it at %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="93"/>
        <source>Delivered at %1</source>
        <translation>Delivered at %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="96"/>
        <source>(no number in [ses] phone: ask the administrator)</source>
        <translation>(no number in [ses] phone: ask the administrator)</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="97"/>
        <source>Sanitary service: %1</source>
        <translation>Sanitary service: %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="100"/>
        <source>A visitor with red status must not enter: the kiosk reports each one to the sanitary service by itself. While a report is queued (no connection), call the number above and give the time and the visitor&apos;s masked ID; keep the visitor apart from others until the service says what to do.</source>
        <translation>A visitor with red status must not enter: the kiosk reports each one to the sanitary service by itself. While a report is queued (no connection), call the number above and give the time and the visitor&apos;s masked ID; keep the visitor apart from others until the service says what to do.</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="109"/>
        <source>Reports to the sanitary service</source>
        <translation>Reports to the sanitary service</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="295"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="298"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="299"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="300"/>
        <source>Screens and sound</source>
        <translation>Screens and sound</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="301"/>
        <source>Devices and contacts</source>
        <translation>Devices and contacts</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="302"/>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="314"/>
        <source>HH:MM; empty: nobody is checked out</source>
        <translation>HH:MM; empty: nobody is checked out</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="317"/>
        <source>0, 1… or a device path; none: no camera</source>
        <translation>0, 1… or a device path; none: no camera</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="321"/>
        <source>This PC&apos;s time zone</source>
        <translation>This PC&apos;s time zone</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="325"/>
        <source>None (-1)</source>
        <translation>None (-1)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="326"/>
        <source>Mute all sounds</source>
        <translation>Mute all sounds</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="327"/>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="329"/>
        <source>Saving writes %1</source>
        <translation>Saving writes %1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="331"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="332"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="338"/>
        <source>Saved to %1. The kiosk applies the new settings when it restarts.</source>
        <translation>Saved to %1. The kiosk applies the new settings when it restarts.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="340"/>
        <source>Not saved, nothing was written:
%1</source>
        <translation>Not saved, nothing was written:
%1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="342"/>
        <source>This settings file cannot be edited here:
%1</source>
        <translation>This settings file cannot be edited here:
%1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="344"/>
        <source>Nothing to save: no value was changed.</source>
        <translation>Nothing to save: no value was changed.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="353"/>
        <source>Venue name</source>
        <translation>Venue name</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="354"/>
        <source>BIN (12 digits)</source>
        <translation>BIN (12 digits)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="355"/>
        <source>Entrance</source>
        <translation>Entrance</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="356"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="357"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="358"/>
        <source>This desk checks</source>
        <translation>This desk checks</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="359"/>
        <source>People inside at once</source>
        <translation>People inside at once</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="360"/>
        <source>Closing time</source>
        <translation>Closing time</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="361"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="362"/>
        <source>Service address</source>
        <translation>Service address</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="363"/>
        <source>Device token</source>
        <translation>Device token</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="364"/>
        <source>No status can be verified</source>
        <translation>No status can be verified</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="365"/>
        <source>Someone inside enters again</source>
        <translation>Someone inside enters again</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="366"/>
        <source>Visitor&apos;s languages (the first is the staff&apos;s)</source>
        <translation>Visitor&apos;s languages (the first is the staff&apos;s)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="367"/>
        <source>Status screen stays, seconds</source>
        <translation>Status screen stays, seconds</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="368"/>
        <source>Unanswered question ends after, seconds</source>
        <translation>Unanswered question ends after, seconds</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="369"/>
        <source>Visitor&apos;s screen</source>
        <translation>Visitor&apos;s screen</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="370"/>
        <source>Sounds</source>
        <translation>Sounds</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="371"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="372"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="373"/>
        <source>Sanitary service phone</source>
        <translation>Sanitary service phone</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="374"/>
        <source>Doctor room (boarding)</source>
        <translation>Doctor room (boarding)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="382"/>
        <source>Venue: club, shop, office</source>
        <translation>Venue: club, shop, office</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="383"/>
        <source>Boarding: airport desk</source>
        <translation>Boarding: airport desk</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="386"/>
        <source>Entry and exit</source>
        <translation>Entry and exit</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="387"/>
        <source>Entry only</source>
        <translation>Entry only</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="388"/>
        <source>Exit only</source>
        <translation>Exit only</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="389"/>
        <source>Doctor room: resolves referrals</source>
        <translation>Doctor room: resolves referrals</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="392"/>
        <source>Staff decide</source>
        <translation>Staff decide</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="393"/>
        <source>Admit, marked unverified</source>
        <translation>Admit, marked unverified</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="394"/>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="397"/>
        <source>Ask staff</source>
        <translation>Ask staff</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="398"/>
        <source>Admit, flagged</source>
        <translation>Admit, flagged</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="401"/>
        <source>Second monitor if there is one</source>
        <translation>Second monitor if there is one</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="402"/>
        <source>This monitor</source>
        <translation>This monitor</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="403"/>
        <source>Second monitor</source>
        <translation>Second monitor</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="49"/>
        <source>Gate driver</source>
        <translation>Gate driver</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="50"/>
        <source>I/O module address (modbus-tcp)</source>
        <translation>I/O module address (modbus-tcp)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="51"/>
        <source>TCP port (modbus-tcp)</source>
        <translation>TCP port (modbus-tcp)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="56"/>
        <source>Parity (modbus-rtu)</source>
        <translation>Parity (modbus-rtu)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="57"/>
        <source>Modbus unit id</source>
        <translation>Modbus unit id</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="58"/>
        <source>Entry relay (coil)</source>
        <translation>Entry relay (coil)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="59"/>
        <source>Exit relay (coil)</source>
        <translation>Exit relay (coil)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="61"/>
        <source>Entry passage sensor (input)</source>
        <translation>Entry passage sensor (input)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="64"/>
        <source>Exit passage sensor (input)</source>
        <translation>Exit passage sensor (input)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="66"/>
        <source>Relay pulse, ms</source>
        <translation>Relay pulse, ms</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="70"/>
        <source>HTTP method (http)</source>
        <translation>HTTP method (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="71"/>
        <source>Relay URL (http)</source>
        <translation>Relay URL (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="72"/>
        <source>Request body (http)</source>
        <translation>Request body (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="74"/>
        <source>Passage callback host:port (http)</source>
        <translation>Passage callback host:port (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="77"/>
        <source>Passage callback token (http)</source>
        <translation>Passage callback token (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="53"/>
        <source>Serial port (RTU, relay board)</source>
        <translation>Serial port (RTU, relay board)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="55"/>
        <source>Baud rate (RTU, relay board)</source>
        <translation>Baud rate (RTU, relay board)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="68"/>
        <source>Annul an entry nobody used after, s</source>
        <translation>Annul an entry nobody used after, s</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="80"/>
        <source>Relay board: entry on (hex)</source>
        <translation>Relay board: entry on (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="83"/>
        <source>Relay board: entry off (hex)</source>
        <translation>Relay board: entry off (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="86"/>
        <source>Relay board: exit on (hex)</source>
        <translation>Relay board: exit on (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="89"/>
        <source>Relay board: exit off (hex)</source>
        <translation>Relay board: exit off (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="97"/>
        <source>No gate</source>
        <translation>No gate</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="99"/>
        <source>Modbus TCP I/O module (network)</source>
        <translation>Modbus TCP I/O module (network)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="101"/>
        <source>Modbus RTU I/O module (serial)</source>
        <translation>Modbus RTU I/O module (serial)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="102"/>
        <source>Network relay (HTTP)</source>
        <translation>Network relay (HTTP)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="103"/>
        <source>USB serial relay board</source>
        <translation>USB serial relay board</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="106"/>
        <source>None (N)</source>
        <translation>None (N)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="107"/>
        <source>Even (E)</source>
        <translation>Even (E)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="108"/>
        <source>Odd (O)</source>
        <translation>Odd (O)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="111"/>
        <source>HTTP GET</source>
        <translation>HTTP GET</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="112"/>
        <source>HTTP POST</source>
        <translation>HTTP POST</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="113"/>
        <source>HTTP PUT</source>
        <translation>HTTP PUT</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <location filename="../slip.py" line="23"/>
        <source>REFERRAL TO THE DOCTOR</source>
        <translation>REFERRAL TO THE DOCTOR</translation>
    </message>
    <message>
        <location filename="../slip.py" line="24"/>
        <source>Go to: %1</source>
        <translation>Go to: %1</translation>
    </message>
    <message>
        <location filename="../slip.py" line="25"/>
        <source>Show this slip to the doctor.</source>
        <translation>Show this slip to the doctor.</translation>
    </message>
    <message>
        <location filename="../slip.py" line="26"/>
        <source>Status shown: %1</source>
        <translation>Status shown: %1</translation>
    </message>
    <message>
        <location filename="../slip.py" line="27"/>
        <source>Desk %1, %2</source>
        <translation>Desk %1, %2</translation>
    </message>
    <message>
        <location filename="../slip.py" line="28"/>
        <source>the doctor room (ask staff the way)</source>
        <translation>the doctor room (ask staff the way)</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../staff.py" line="264"/>
        <source>%1 · desk %2</source>
        <translation>%1 · desk %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="266"/>
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <location filename="../staff.py" line="267"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../staff.py" line="268"/>
        <source>Doctor room</source>
        <translation>Doctor room</translation>
    </message>
    <message>
        <location filename="../staff.py" line="269"/>
        <source>Exit kiosk</source>
        <translation>Exit kiosk</translation>
    </message>
    <message>
        <location filename="../staff.py" line="270"/>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../staff.py" line="272"/>
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../staff.py" line="275"/>
        <source>Sanitary service</source>
        <translation>Sanitary service</translation>
    </message>
    <message>
        <location filename="../staff.py" line="289"/>
        <source>Alerts (%1)</source>
        <translation>Alerts (%1)</translation>
    </message>
    <message>
        <location filename="../staff.py" line="289"/>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../staff.py" line="306"/>
        <source>%1 · %2 to send</source>
        <translation>%1 · %2 to send</translation>
    </message>
    <message>
        <location filename="../staff.py" line="318"/>
        <source>Pass keys never fetched</source>
        <translation>Pass keys never fetched</translation>
    </message>
    <message>
        <location filename="../staff.py" line="318"/>
        <source>Keys: not fetched</source>
        <translation>Keys: not fetched</translation>
    </message>
    <message>
        <location filename="../staff.py" line="326"/>
        <source>Keys: %1</source>
        <translation>Keys: %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="327"/>
        <source>Pass keys fetched %1 ago</source>
        <translation>Pass keys fetched %1 ago</translation>
    </message>
    <message>
        <location filename="../staff.py" line="322"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../staff.py" line="273"/>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../staff.py" line="337"/>
        <source>Boarded: %1 of %2</source>
        <translation>Boarded: %1 of %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="337"/>
        <source>Boarded: %1</source>
        <translation>Boarded: %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="339"/>
        <source>Inside: %1 of %2</source>
        <translation>Inside: %1 of %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="339"/>
        <source>Inside: %1</source>
        <translation>Inside: %1</translation>
    </message>
    <message>
        <location filename="../kiosk.py" line="56"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="32"/>
        <source>Desk health</source>
        <translation>Desk health</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../visitor.py" line="35"/>
        <source>Inside: %1</source>
        <translation>Inside: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="36"/>
        <source>Inside: %1 of %2</source>
        <translation>Inside: %1 of %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="37"/>
        <source>Boarded: %1</source>
        <translation>Boarded: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="38"/>
        <source>Boarded: %1 of %2</source>
        <translation>Boarded: %1 of %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="39"/>
        <source>%1 · %2 waiting to send</source>
        <translation>%1 · %2 waiting to send</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="40"/>
        <source>Go through</source>
        <translation>Go through</translation>
    </message>
    <message>
        <location filename="../wording.py" line="24"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../wording.py" line="25"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../words.py" line="31"/>
        <source>Show your code</source>
        <translation>Show your code</translation>
    </message>
    <message>
        <location filename="../words.py" line="32"/>
        <source>Check-in is closed: please see staff</source>
        <translation>Check-in is closed: please see staff</translation>
    </message>
    <message>
        <location filename="../words.py" line="33"/>
        <source>Please wait: staff will decide</source>
        <translation>Please wait: staff will decide</translation>
    </message>
    <message>
        <location filename="../words.py" line="34"/>
        <source>Already checked in at %1</source>
        <translation>Already checked in at %1</translation>
    </message>
    <message>
        <location filename="../words.py" line="35"/>
        <source>Already checked out at %1</source>
        <translation>Already checked out at %1</translation>
    </message>
    <message>
        <location filename="../words.py" line="36"/>
        <source>Goodbye!</source>
        <translation>Goodbye!</translation>
    </message>
    <message>
        <location filename="../words.py" line="37"/>
        <source>Staff can refer you to the doctor</source>
        <translation>Staff can refer you to the doctor</translation>
    </message>
    <message>
        <location filename="../words.py" line="38"/>
        <location filename="../words.py" line="98"/>
        <source>The venue is full</source>
        <translation>The venue is full</translation>
    </message>
    <message>
        <location filename="../words.py" line="39"/>
        <source>Self-isolation: please go home</source>
        <translation>Self-isolation: please go home</translation>
    </message>
    <message>
        <location filename="../words.py" line="40"/>
        <source>Cleared by the doctor</source>
        <translation>Cleared by the doctor</translation>
    </message>
    <message>
        <location filename="../words.py" line="41"/>
        <source>The doctor confirmed the status</source>
        <translation>The doctor confirmed the status</translation>
    </message>
    <message>
        <location filename="../words.py" line="44"/>
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../words.py" line="45"/>
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../words.py" line="46"/>
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../words.py" line="47"/>
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../words.py" line="49"/>
        <source>No status</source>
        <translation>No status</translation>
    </message>
    <message>
        <location filename="../words.py" line="52"/>
        <source>ADMIT</source>
        <translation>ADMIT</translation>
    </message>
    <message>
        <location filename="../words.py" line="53"/>
        <source>DENY</source>
        <translation>DENY</translation>
    </message>
    <message>
        <location filename="../words.py" line="54"/>
        <source>REFER TO DOCTOR</source>
        <translation>REFER TO DOCTOR</translation>
    </message>
    <message>
        <location filename="../words.py" line="55"/>
        <source>Ticket %1: go to %2</source>
        <translation>Ticket %1: go to %2</translation>
    </message>
    <message>
        <location filename="../words.py" line="56"/>
        <source>Ticket %1: staff will show you the way</source>
        <translation>Ticket %1: staff will show you the way</translation>
    </message>
    <message>
        <location filename="../words.py" line="57"/>
        <source>REFRESH YOUR CODE</source>
        <translation>REFRESH YOUR CODE</translation>
    </message>
    <message>
        <location filename="../words.py" line="58"/>
        <source>INVALID CODE</source>
        <translation>INVALID CODE</translation>
    </message>
    <message>
        <location filename="../words.py" line="59"/>
        <source>UNVERIFIED</source>
        <translation>UNVERIFIED</translation>
    </message>
    <message>
        <location filename="../words.py" line="60"/>
        <source>EXIT</source>
        <translation>EXIT</translation>
    </message>
    <message>
        <location filename="../words.py" line="63"/>
        <source>Verified pass</source>
        <translation>Verified pass</translation>
    </message>
    <message>
        <location filename="../words.py" line="64"/>
        <source>Checked with the service now</source>
        <translation>Checked with the service now</translation>
    </message>
    <message>
        <location filename="../words.py" line="65"/>
        <source>Last known status, %1 old</source>
        <translation>Last known status, %1 old</translation>
    </message>
    <message>
        <location filename="../words.py" line="66"/>
        <source>Not verified: no connection</source>
        <translation>Not verified: no connection</translation>
    </message>
    <message>
        <location filename="../words.py" line="67"/>
        <source>The doctor&apos;s decision</source>
        <translation>The doctor&apos;s decision</translation>
    </message>
    <message>
        <location filename="../words.py" line="72"/>
        <source>The code is empty</source>
        <translation>The code is empty</translation>
    </message>
    <message>
        <location filename="../words.py" line="73"/>
        <source>The code is too long to be a pass</source>
        <translation>The code is too long to be a pass</translation>
    </message>
    <message>
        <location filename="../words.py" line="74"/>
        <source>Not a pass and not an IIN</source>
        <translation>Not a pass and not an IIN</translation>
    </message>
    <message>
        <location filename="../words.py" line="75"/>
        <source>The code could not be read</source>
        <translation>The code could not be read</translation>
    </message>
    <message>
        <location filename="../words.py" line="76"/>
        <source>An IIN has 12 digits</source>
        <translation>An IIN has 12 digits</translation>
    </message>
    <message>
        <location filename="../words.py" line="77"/>
        <source>An IIN has digits only</source>
        <translation>An IIN has digits only</translation>
    </message>
    <message>
        <location filename="../words.py" line="78"/>
        <source>The 7th digit of an IIN is 1 to 6</source>
        <translation>The 7th digit of an IIN is 1 to 6</translation>
    </message>
    <message>
        <location filename="../words.py" line="79"/>
        <source>The IIN&apos;s birth date does not exist</source>
        <translation>The IIN&apos;s birth date does not exist</translation>
    </message>
    <message>
        <location filename="../words.py" line="80"/>
        <source>The IIN&apos;s check digit is wrong</source>
        <translation>The IIN&apos;s check digit is wrong</translation>
    </message>
    <message>
        <location filename="../words.py" line="81"/>
        <source>The pass is damaged</source>
        <translation>The pass is damaged</translation>
    </message>
    <message>
        <location filename="../words.py" line="82"/>
        <source>The pass is not signed as passes are</source>
        <translation>The pass is not signed as passes are</translation>
    </message>
    <message>
        <location filename="../words.py" line="83"/>
        <source>The pass is signed by an unknown key</source>
        <translation>The pass is signed by an unknown key</translation>
    </message>
    <message>
        <location filename="../words.py" line="84"/>
        <source>The signature does not match: forged?</source>
        <translation>The signature does not match: forged?</translation>
    </message>
    <message>
        <location filename="../words.py" line="85"/>
        <source>The pass is missing a field</source>
        <translation>The pass is missing a field</translation>
    </message>
    <message>
        <location filename="../words.py" line="86"/>
        <source>The pass is from the future: check this PC&apos;s clock</source>
        <translation>The pass is from the future: check this PC&apos;s clock</translation>
    </message>
    <message>
        <location filename="../words.py" line="89"/>
        <source>The pass has expired: open the app again</source>
        <translation>The pass has expired: open the app again</translation>
    </message>
    <message>
        <location filename="../words.py" line="90"/>
        <source>The pass holds an invalid IIN</source>
        <translation>The pass holds an invalid IIN</translation>
    </message>
    <message>
        <location filename="../words.py" line="91"/>
        <source>The pass holds an unknown status</source>
        <translation>The pass holds an unknown status</translation>
    </message>
    <message>
        <location filename="../words.py" line="95"/>
        <source>Admitted offline, status is red</source>
        <translation>Admitted offline, status is red</translation>
    </message>
    <message>
        <location filename="../words.py" line="96"/>
        <source>Red status: sanitary service told</source>
        <translation>Red status: sanitary service told</translation>
    </message>
    <message>
        <location filename="../words.py" line="97"/>
        <source>Pass-back: already inside</source>
        <translation>Pass-back: already inside</translation>
    </message>
    <message>
        <location filename="../words.py" line="99"/>
        <source>Camera or scanner lost</source>
        <translation>Camera or scanner lost</translation>
    </message>
    <message>
        <location filename="../words.py" line="100"/>
        <source>Events are not reaching the service</source>
        <translation>Events are not reaching the service</translation>
    </message>
    <message>
        <location filename="../words.py" line="101"/>
        <source>This PC&apos;s clock is wrong</source>
        <translation>This PC&apos;s clock is wrong</translation>
    </message>
    <message>
        <location filename="../words.py" line="102"/>
        <source>This device is not registered</source>
        <translation>This device is not registered</translation>
    </message>
    <message>
        <location filename="../words.py" line="103"/>
        <source>The service refused some events</source>
        <translation>The service refused some events</translation>
    </message>
    <message>
        <location filename="../words.py" line="104"/>
        <source>Pass keys are out of date</source>
        <translation>Pass keys are out of date</translation>
    </message>
    <message>
        <location filename="../words.py" line="105"/>
        <source>Database files were touched</source>
        <translation>Database files were touched</translation>
    </message>
    <message>
        <location filename="../words.py" line="106"/>
        <source>The doctor decided a referral</source>
        <translation>The doctor decided a referral</translation>
    </message>
    <message>
        <location filename="../words.py" line="107"/>
        <source>A doctor&apos;s decision was refused</source>
        <translation>A doctor&apos;s decision was refused</translation>
    </message>
    <message>
        <location filename="../words.py" line="108"/>
        <source>Something at this desk needs fixing</source>
        <translation>Something at this desk needs fixing</translation>
    </message>
    <message>
        <location filename="../words.py" line="109"/>
        <source>The gate does not answer</source>
        <translation>The gate does not answer</translation>
    </message>
    <message>
        <location filename="../words.py" line="113"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../words.py" line="114"/>
        <location filename="../words.py" line="118"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../words.py" line="115"/>
        <source>Service slow</source>
        <translation>Service slow</translation>
    </message>
    <message>
        <location filename="../words.py" line="116"/>
        <source>Device not registered</source>
        <translation>Device not registered</translation>
    </message>
    <message>
        <location filename="../words.py" line="117"/>
        <source>Service error</source>
        <translation>Service error</translation>
    </message>
    <message>
        <location filename="../words.py" line="122"/>
        <location filename="../words.py" line="128"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../words.py" line="123"/>
        <location filename="../words.py" line="129"/>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../words.py" line="130"/>
        <source>Typed in</source>
        <translation>Typed in</translation>
    </message>
    <message>
        <location filename="../words.py" line="134"/>
        <source>Starting camera…</source>
        <translation>Starting camera…</translation>
    </message>
    <message>
        <location filename="../words.py" line="137"/>
        <source>Camera lost — check the cable</source>
        <translation>Camera lost — check the cable</translation>
    </message>
    <message>
        <location filename="../words.py" line="138"/>
        <source>Camera stopped</source>
        <translation>Camera stopped</translation>
    </message>
    <message>
        <location filename="../words.py" line="139"/>
        <source>No camera — use the scanner</source>
        <translation>No camera — use the scanner</translation>
    </message>
    <message>
        <location filename="../words.py" line="144"/>
        <source>The disk is full: free some space, then start the kiosk again.</source>
        <translation>The disk is full: free some space, then start the kiosk again.</translation>
    </message>
    <message>
        <location filename="../words.py" line="147"/>
        <source>The disk cannot be written: check the drive, then start the kiosk again.</source>
        <translation>The disk cannot be written: check the drive, then start the kiosk again.</translation>
    </message>
    <message>
        <location filename="../words.py" line="150"/>
        <source>Another program holds the database: close it, then start the kiosk again.</source>
        <translation>Another program holds the database: close it, then start the kiosk again.</translation>
    </message>
    <message>
        <location filename="../words.py" line="153"/>
        <source>The database is damaged: run ashyq-kiosk recover, then start the kiosk again.</source>
        <translation>The database is damaged: run ashyq-kiosk recover, then start the kiosk again.</translation>
    </message>
    <message>
        <location filename="../words.py" line="156"/>
        <source>The data folder is read-only: allow writing, then start the kiosk again.</source>
        <translation>The data folder is read-only: allow writing, then start the kiosk again.</translation>
    </message>
    <message>
        <location filename="../words.py" line="159"/>
        <source>The database is from a newer kiosk version: update this kiosk.</source>
        <translation>The database is from a newer kiosk version: update this kiosk.</translation>
    </message>
    <message>
        <location filename="../words.py" line="162"/>
        <source>The database files were removed or replaced; a rescue copy was saved in the data folder.</source>
        <translation>The database files were removed or replaced; a rescue copy was saved in the data folder.</translation>
    </message>
    <message>
        <location filename="../words.py" line="166"/>
        <source>The database failed.</source>
        <translation>The database failed.</translation>
    </message>
</context>
</TS>
