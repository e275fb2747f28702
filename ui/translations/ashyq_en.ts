<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../alerts_view.py" line="164" />
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../alerts_view.py" line="44" />
        <source>the number in [ses] phone</source>
        <translation>the number in [ses] phone</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="45" />
        <source>Visitor %1, let in at %2 while the service was down, has red status. The report to the sanitary service is queued. Find the visitor and call %3.</source>
        <translation>Visitor %1, let in at %2 while the service was down, has red status. The report to the sanitary service is queued. Find the visitor and call %3.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="50" />
        <source>Visitor %1 has red status: do not let them in. The report to the sanitary service is queued; call %2 if they need to speak to you.</source>
        <translation>Visitor %1 has red status: do not let them in. The report to the sanitary service is queued; call %2 if they need to speak to you.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="55" />
        <source>Visitor %1 is already inside (since %2). Check that it is the same person.</source>
        <translation>Visitor %1 is already inside (since %2). Check that it is the same person.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="58" />
        <source>%1 people inside of %2 allowed: entries are refused.</source>
        <translation>%1 people inside of %2 allowed: entries are refused.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="59" />
        <source>The %1 stopped: check its cable. The kiosk retries by itself.</source>
        <translation>The %1 stopped: check its cable. The kiosk retries by itself.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="60" />
        <source>%1 events waiting since %2: check the network. Nothing is lost.</source>
        <translation>%1 events waiting since %2: check the network. Nothing is lost.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="63" />
        <source>This PC's clock is %1 s off the service's: set the time; passes depend on it.</source>
        <translation>This PC's clock is %1 s off the service's: set the time; passes depend on it.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="66" />
        <source>The service refused %1 events: call support. They are kept.</source>
        <translation>The service refused %1 events: call support. They are kept.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="67" />
        <source>The pass keys were last refreshed at %1: new passes may be refused.</source>
        <translation>The pass keys were last refreshed at %1: new passes may be refused.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="70" />
        <source>Referral %1: the doctor decided %2.</source>
        <translation>Referral %1: the doctor decided %2.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="71" />
        <source>The service refused this device's token: call support. Events are kept.</source>
        <translation>The service refused this device's token: call support. Events are kept.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="74" />
        <source>The database files were removed or replaced; the kiosk kept its data. Tell support.</source>
        <translation>The database files were removed or replaced; the kiosk kept its data. Tell support.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="78" />
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="79" />
        <source>scanner</source>
        <translation>scanner</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../alerts_view.py" line="217" />
        <source>No alerts</source>
        <translation>No alerts</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../staff.py" line="226" />
        <source>Out (closing)</source>
        <translation>Out (closing)</translation>
    </message>
    <message>
        <location filename="../staff.py" line="226" />
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <location filename="../staff.py" line="228" />
        <source>In: admitted</source>
        <translation>In: admitted</translation>
    </message>
    <message>
        <location filename="../staff.py" line="229" />
        <source>In: refused</source>
        <translation>In: refused</translation>
    </message>
    <message>
        <location filename="../staff.py" line="230" />
        <source>In: no answer</source>
        <translation>In: no answer</translation>
    </message>
    <message>
        <location filename="../staff.py" line="247" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../staff.py" line="248" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../staff.py" line="249" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../staff.py" line="250" />
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <location filename="../staff.py" line="251" />
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../staff.py" line="252" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../entry.py" line="58" />
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location filename="../entry.py" line="60" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>KioskScreens</name>
    <message>
        <location filename="../kiosk.py" line="157" />
        <source>The kiosk cannot record check-ins any more and has stopped. Call support. %1</source>
        <translation>The kiosk cannot record check-ins any more and has stopped. Call support. %1</translation>
    </message>
</context>
<context>
    <name>LastDecisionCard</name>
    <message>
        <location filename="../staff.py" line="172" />
        <source>Waiting for the first visitor</source>
        <translation>Waiting for the first visitor</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../entry.py" line="122" />
        <source>Visitor without a phone: type the IIN</source>
        <translation>Visitor without a phone: type the IIN</translation>
    </message>
    <message>
        <location filename="../entry.py" line="123" />
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../entry.py" line="124" />
        <source>Check in</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../entry.py" line="125" />
        <source>Check out</source>
        <translation>Check out</translation>
    </message>
    <message>
        <location filename="../entry.py" line="131" />
        <source>%1 of 12 digits</source>
        <translation>%1 of 12 digits</translation>
    </message>
    <message>
        <location filename="../entry.py" line="136" />
        <source>The 7th digit must be 1 to 6 (century and sex)</source>
        <translation>The 7th digit must be 1 to 6 (century and sex)</translation>
    </message>
    <message>
        <location filename="../entry.py" line="137" />
        <source>The first six digits are not a real birth date</source>
        <translation>The first six digits are not a real birth date</translation>
    </message>
    <message>
        <location filename="../entry.py" line="138" />
        <source>The last digit does not match: a typo?</source>
        <translation>The last digit does not match: a typo?</translation>
    </message>
    <message>
        <location filename="../entry.py" line="139" />
        <source>Not a valid IIN</source>
        <translation>Not a valid IIN</translation>
    </message>
    <message>
        <location filename="../entry.py" line="145" />
        <source>Valid IIN</source>
        <translation>Valid IIN</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../staff.py" line="106" />
        <source>Admit</source>
        <translation>Admit</translation>
    </message>
    <message>
        <location filename="../staff.py" line="107" />
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../staff.py" line="113" />
        <source>Decide for visitor %1</source>
        <translation>Decide for visitor %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="121" />
        <source>Already inside since %1: the same code shown again? Admit only if it is the same person coming back.</source>
        <translation>Already inside since %1: the same code shown again? Admit only if it is the same person coming back.</translation>
    </message>
    <message>
        <location filename="../staff.py" line="125" />
        <source>No status could be verified: the service does not answer and nothing is cached. Ask for a document, then decide.</source>
        <translation>No status could be verified: the service does not answer and nothing is cached. Ask for a document, then decide.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../staff.py" line="391" />
        <source>%1 · desk %2</source>
        <translation>%1 · desk %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="393" />
        <source>Operator:</source>
        <translation>Operator:</translation>
    </message>
    <message>
        <location filename="../staff.py" line="394" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../staff.py" line="395" />
        <source>Exit kiosk</source>
        <translation>Exit kiosk</translation>
    </message>
    <message>
        <location filename="../staff.py" line="396" />
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../staff.py" line="397" />
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../staff.py" line="398" />
        <source>Today's events</source>
        <translation>Today's events</translation>
    </message>
    <message>
        <location filename="../staff.py" line="405" />
        <source>Alerts (%1)</source>
        <translation>Alerts (%1)</translation>
    </message>
    <message>
        <location filename="../staff.py" line="405" />
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../staff.py" line="417" />
        <source>%1 · %2 to send</source>
        <translation>%1 · %2 to send</translation>
    </message>
    <message>
        <location filename="../staff.py" line="425" />
        <source>Inside: %1 of %2</source>
        <translation>Inside: %1 of %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="428" />
        <source>Inside: %1</source>
        <translation>Inside: %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../visitor.py" line="22" />
        <source>Inside: %1</source>
        <translation>Inside: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="23" />
        <source>Inside: %1 of %2</source>
        <translation>Inside: %1 of %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="24" />
        <source>%1 · %2 waiting to send</source>
        <translation>%1 · %2 waiting to send</translation>
    </message>
    <message>
        <location filename="../wording.py" line="20" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../wording.py" line="21" />
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../words.py" line="25" />
        <source>Show your code</source>
        <translation>Show your code</translation>
    </message>
    <message>
        <location filename="../words.py" line="26" />
        <source>Please wait: staff will decide</source>
        <translation>Please wait: staff will decide</translation>
    </message>
    <message>
        <location filename="../words.py" line="27" />
        <source>Already checked in at %1</source>
        <translation>Already checked in at %1</translation>
    </message>
    <message>
        <location filename="../words.py" line="28" />
        <source>Already checked out at %1</source>
        <translation>Already checked out at %1</translation>
    </message>
    <message>
        <location filename="../words.py" line="29" />
        <source>Goodbye!</source>
        <translation>Goodbye!</translation>
    </message>
    <message>
        <location filename="../words.py" line="30" />
        <source>Staff can refer you to the doctor</source>
        <translation>Staff can refer you to the doctor</translation>
    </message>
    <message>
        <location filename="../words.py" line="31" />
        <location filename="../words.py" line="86" />
        <source>The venue is full</source>
        <translation>The venue is full</translation>
    </message>
    <message>
        <location filename="../words.py" line="32" />
        <source>Self-isolation: please go home</source>
        <translation>Self-isolation: please go home</translation>
    </message>
    <message>
        <location filename="../words.py" line="35" />
        <source>Green</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../words.py" line="36" />
        <source>Blue</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../words.py" line="37" />
        <source>Yellow</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../words.py" line="38" />
        <source>Red</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../words.py" line="40" />
        <source>No status</source>
        <translation>No status</translation>
    </message>
    <message>
        <location filename="../words.py" line="43" />
        <source>ADMIT</source>
        <translation>ADMIT</translation>
    </message>
    <message>
        <location filename="../words.py" line="44" />
        <source>DENY</source>
        <translation>DENY</translation>
    </message>
    <message>
        <location filename="../words.py" line="45" />
        <source>REFER TO DOCTOR</source>
        <translation>REFER TO DOCTOR</translation>
    </message>
    <message>
        <location filename="../words.py" line="46" />
        <source>REFRESH YOUR CODE</source>
        <translation>REFRESH YOUR CODE</translation>
    </message>
    <message>
        <location filename="../words.py" line="47" />
        <source>INVALID CODE</source>
        <translation>INVALID CODE</translation>
    </message>
    <message>
        <location filename="../words.py" line="48" />
        <source>UNVERIFIED</source>
        <translation>UNVERIFIED</translation>
    </message>
    <message>
        <location filename="../words.py" line="49" />
        <source>EXIT</source>
        <translation>EXIT</translation>
    </message>
    <message>
        <location filename="../words.py" line="52" />
        <source>Verified pass</source>
        <translation>Verified pass</translation>
    </message>
    <message>
        <location filename="../words.py" line="53" />
        <source>Checked with the service now</source>
        <translation>Checked with the service now</translation>
    </message>
    <message>
        <location filename="../words.py" line="54" />
        <source>Last known status, %1 old</source>
        <translation>Last known status, %1 old</translation>
    </message>
    <message>
        <location filename="../words.py" line="55" />
        <source>Not verified: no connection</source>
        <translation>Not verified: no connection</translation>
    </message>
    <message>
        <location filename="../words.py" line="60" />
        <source>The code is empty</source>
        <translation>The code is empty</translation>
    </message>
    <message>
        <location filename="../words.py" line="61" />
        <source>The code is too long to be a pass</source>
        <translation>The code is too long to be a pass</translation>
    </message>
    <message>
        <location filename="../words.py" line="62" />
        <source>Not a pass and not an IIN</source>
        <translation>Not a pass and not an IIN</translation>
    </message>
    <message>
        <location filename="../words.py" line="63" />
        <source>The code could not be read</source>
        <translation>The code could not be read</translation>
    </message>
    <message>
        <location filename="../words.py" line="64" />
        <source>An IIN has 12 digits</source>
        <translation>An IIN has 12 digits</translation>
    </message>
    <message>
        <location filename="../words.py" line="65" />
        <source>An IIN has digits only</source>
        <translation>An IIN has digits only</translation>
    </message>
    <message>
        <location filename="../words.py" line="66" />
        <source>The 7th digit of an IIN is 1 to 6</source>
        <translation>The 7th digit of an IIN is 1 to 6</translation>
    </message>
    <message>
        <location filename="../words.py" line="67" />
        <source>The IIN's birth date does not exist</source>
        <translation>The IIN's birth date does not exist</translation>
    </message>
    <message>
        <location filename="../words.py" line="68" />
        <source>The IIN's check digit is wrong</source>
        <translation>The IIN's check digit is wrong</translation>
    </message>
    <message>
        <location filename="../words.py" line="69" />
        <source>The pass is damaged</source>
        <translation>The pass is damaged</translation>
    </message>
    <message>
        <location filename="../words.py" line="70" />
        <source>The pass is not signed as passes are</source>
        <translation>The pass is not signed as passes are</translation>
    </message>
    <message>
        <location filename="../words.py" line="71" />
        <source>The pass is signed by an unknown key</source>
        <translation>The pass is signed by an unknown key</translation>
    </message>
    <message>
        <location filename="../words.py" line="72" />
        <source>The signature does not match: forged?</source>
        <translation>The signature does not match: forged?</translation>
    </message>
    <message>
        <location filename="../words.py" line="73" />
        <source>The pass is missing a field</source>
        <translation>The pass is missing a field</translation>
    </message>
    <message>
        <location filename="../words.py" line="74" />
        <source>The pass is from the future: check this PC's clock</source>
        <translation>The pass is from the future: check this PC's clock</translation>
    </message>
    <message>
        <location filename="../words.py" line="77" />
        <source>The pass has expired: open the app again</source>
        <translation>The pass has expired: open the app again</translation>
    </message>
    <message>
        <location filename="../words.py" line="78" />
        <source>The pass holds an invalid IIN</source>
        <translation>The pass holds an invalid IIN</translation>
    </message>
    <message>
        <location filename="../words.py" line="79" />
        <source>The pass holds an unknown status</source>
        <translation>The pass holds an unknown status</translation>
    </message>
    <message>
        <location filename="../words.py" line="83" />
        <source>Admitted offline, status is red</source>
        <translation>Admitted offline, status is red</translation>
    </message>
    <message>
        <location filename="../words.py" line="84" />
        <source>Red status: sanitary service told</source>
        <translation>Red status: sanitary service told</translation>
    </message>
    <message>
        <location filename="../words.py" line="85" />
        <source>Pass-back: already inside</source>
        <translation>Pass-back: already inside</translation>
    </message>
    <message>
        <location filename="../words.py" line="87" />
        <source>Camera or scanner lost</source>
        <translation>Camera or scanner lost</translation>
    </message>
    <message>
        <location filename="../words.py" line="88" />
        <source>Events are not reaching the service</source>
        <translation>Events are not reaching the service</translation>
    </message>
    <message>
        <location filename="../words.py" line="89" />
        <source>This PC's clock is wrong</source>
        <translation>This PC's clock is wrong</translation>
    </message>
    <message>
        <location filename="../words.py" line="90" />
        <source>This device is not registered</source>
        <translation>This device is not registered</translation>
    </message>
    <message>
        <location filename="../words.py" line="91" />
        <source>The service refused some events</source>
        <translation>The service refused some events</translation>
    </message>
    <message>
        <location filename="../words.py" line="92" />
        <source>Pass keys are out of date</source>
        <translation>Pass keys are out of date</translation>
    </message>
    <message>
        <location filename="../words.py" line="93" />
        <source>Database files were touched</source>
        <translation>Database files were touched</translation>
    </message>
    <message>
        <location filename="../words.py" line="94" />
        <source>The doctor decided a referral</source>
        <translation>The doctor decided a referral</translation>
    </message>
    <message>
        <location filename="../words.py" line="98" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../words.py" line="99" />
        <location filename="../words.py" line="103" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../words.py" line="100" />
        <source>Service slow</source>
        <translation>Service slow</translation>
    </message>
    <message>
        <location filename="../words.py" line="101" />
        <source>Device not registered</source>
        <translation>Device not registered</translation>
    </message>
    <message>
        <location filename="../words.py" line="102" />
        <source>Service error</source>
        <translation>Service error</translation>
    </message>
    <message>
        <location filename="../words.py" line="107" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../words.py" line="108" />
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../words.py" line="112" />
        <source>Starting camera…</source>
        <translation>Starting camera…</translation>
    </message>
    <message>
        <location filename="../words.py" line="115" />
        <source>Camera lost — check the cable</source>
        <translation>Camera lost — check the cable</translation>
    </message>
    <message>
        <location filename="../words.py" line="116" />
        <source>Camera stopped</source>
        <translation>Camera stopped</translation>
    </message>
    <message>
        <location filename="../words.py" line="117" />
        <source>No camera — use the scanner</source>
        <translation>No camera — use the scanner</translation>
    </message>
</context>
</TS>