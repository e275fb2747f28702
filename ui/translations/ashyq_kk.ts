<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../alerts_view.py" line="207"/>
        <source>Acknowledge</source>
        <translation>Түсінікті</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../alerts_view.py" line="45"/>
        <source>the number in [ses] phone</source>
        <translation>[ses] phone нөміріне</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="46"/>
        <source>Visitor %1, let in at %2 while the service was down, has red status. The report to the sanitary service is queued. Find the visitor and call %3.</source>
        <translation>%1 келушісі %2 кезінде байланыс жоқта кіргізілген, мәртебесі — қызыл. СЭҚ-қа хабарлама кезекке қойылды. Келушіні тауып, %3 нөміріне қоңырау шалыңыз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="51"/>
        <source>Visitor %1 has red status: do not let them in. The report to the sanitary service is queued; call %2 if they need to speak to you.</source>
        <translation>%1 келушісінің мәртебесі — қызыл: кіргізбеңіз. СЭҚ-қа хабарлама кезекке қойылды; қажет болса, %2 нөміріне қоңырау шалыңыз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="56"/>
        <source>Visitor %1 is already inside (since %2). Check that it is the same person.</source>
        <translation>%1 келушісі ішінде (%2 бастап). Бұл сол адам екенін тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="59"/>
        <source>%1 people inside of %2 allowed: entries are refused.</source>
        <translation>Ішінде %1 адам, рұқсат етілгені — %2: кіру тоқтатылды.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="60"/>
        <source>The %1 stopped: check its cable. The kiosk retries by itself.</source>
        <translation>%1 жұмысын тоқтатты: кабелін тексеріңіз. Киоск өзі қайта қосылады.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="61"/>
        <source>%1 events waiting since %2: check the network. Nothing is lost.</source>
        <translation>%2 бастап %1 оқиға жіберілмей тұр: желіні тексеріңіз. Ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="64"/>
        <source>This PC&apos;s clock is %1 s off the service&apos;s: set the time; passes depend on it.</source>
        <translation>Компьютер сағаты сервистен %1 с ауытқыған: уақытты түзетіңіз, рұқсатнамалар соған байланысты.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="67"/>
        <source>The service refused %1 events: call support. They are kept.</source>
        <translation>Сервис %1 оқиғаны қабылдамады: қолдау қызметіне хабарласыңыз. Олар сақталды.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="68"/>
        <source>The pass keys were last fetched %1 days ago, on %2: a pass signed by a newer key goes to staff to decide. Check the network.</source>
        <translation>Рұқсатнама кілттері соңғы рет %1 күн бұрын, %2 алынған: жаңа кілтпен қол қойылған рұқсатнама бойынша шешімді қызметкер қабылдайды. Желіні тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="73"/>
        <source>The pass keys have never been fetched from the service: passes signed by its keys go to staff to decide. Check the network.</source>
        <translation>Рұқсатнама кілттері сервистен әлі бір рет те алынбаған: оның кілттерімен қол қойылған рұқсатнамалар бойынша шешімді қызметкер қабылдайды. Желіні тексеріңіз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="78"/>
        <source>Referral %1: the doctor decided %2.</source>
        <translation>%1 жолдамасы: дәрігер шешімі — %2.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="79"/>
        <source>cleared, the passenger may board</source>
        <translation>рұқсат етілді, жолаушы отыра алады</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="80"/>
        <source>confirmed, the status stands</source>
        <translation>расталды, мәртебе өзгермейді</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="81"/>
        <source>Referral %1: another doctor&apos;s decision came first and holds. Nothing to do.</source>
        <translation>%1 жолдамасы: басқа дәрігердің шешімі бұрын келді және күшінде. Ештеңе істеудің қажеті жоқ.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="84"/>
        <source>Referral %1: the service does not know it yet. Resolve it again once it has arrived.</source>
        <translation>%1 жолдамасы: сервис оны әлі білмейді. Ол келгеннен кейін шешімді қайта енгізіңіз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="88"/>
        <source>The service refused this device&apos;s token: call support. Events are kept.</source>
        <translation>Сервис бұл құрылғының токенін қабылдамады: қолдау қызметіне хабарласыңыз. Оқиғалар сақталады.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="91"/>
        <source>The database files were removed or replaced; the kiosk kept its data. Tell support.</source>
        <translation>Дерекқор файлдары жойылған немесе ауыстырылған; киоск деректерін сақтап қалды. Қолдау қызметіне хабарлаңыз.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="95"/>
        <source>The check at start found a problem with: %1. The Desk health tab says what to do.</source>
        <translation>Іске қосылғандағы тексеру ақау тапты: %1. Не істеу керегін «Киоск күйі» қойындысы айтады.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="98"/>
        <source>The kiosk crashed %1 times within a minute and was left stopped until this start. Tell support; the log file says why.</source>
        <translation>Киоск бір минут ішінде %1 рет апатты түрде тоқтады және осы іске қосылғанға дейін тоқтап тұрды. Қолдау қызметіне хабарлаңыз; себебі журнал файлында жазылған.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="103"/>
        <source>The gate does not answer: check its cable and power. Check-ins go on, but the gate does not open: let visitors through by hand. This alert goes by itself when the gate answers again.</source>
        <translation>Турникет жауап бермейді: оның кабелі мен қуатын тексеріңіз. Тіркеу жалғасады, бірақ турникет ашылмайды: келушілерді қолмен өткізіңіз. Турникет қайта жауап бергенде бұл ескерту өзі жойылады.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="109"/>
        <source>camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="110"/>
        <source>scanner</source>
        <translation>Сканер</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../alerts_view.py" line="255"/>
        <source>No alerts</source>
        <translation>Ескертулер жоқ</translation>
    </message>
</context>
<context>
    <name>Boarding</name>
    <message>
        <location filename="../boarding.py" line="33"/>
        <source>Referrals</source>
        <translation>Жолдамалар</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="34"/>
        <source>Doctor room</source>
        <translation>Дәрігер бөлмесі</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="35"/>
        <source>Slip for %1: %2</source>
        <translation>%1 талоны: %2</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="36"/>
        <source>Referral of %1 not sent: the next passenger was checked. Refer again if needed.</source>
        <translation>%1 жолдамасы жіберілмеді: келесі жолаушы тексерілді. Қажет болса, қайта жіберіңіз.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../dashboard.py" line="38"/>
        <source>Export CSV</source>
        <translation>CSV-ге экспорттау</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="39"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="215"/>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="216"/>
        <source>Export CSV…</source>
        <translation>CSV-ге экспорттау…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="220"/>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="221"/>
        <source>Reading the day…</source>
        <translation>Күн деректері оқылуда…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="224"/>
        <source>Day %1</source>
        <translation>Күн %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="226"/>
        <source>Day %1 has not begun</source>
        <translation>%1 күні әлі басталған жоқ</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="228"/>
        <source>Day %1, so far (%2)</source>
        <translation>Күн %1, сағат %2 бойынша</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="234"/>
        <source>No one was let in</source>
        <translation>Ешкім кіргізілмеді</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="234"/>
        <source>No one let in yet</source>
        <translation>Әзірге ешкім кіргізілмеді</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="236"/>
        <source>First entry %1 · no exit yet</source>
        <translation>Алғашқы кіру %1 · шығу әлі жоқ</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="238"/>
        <source>Open %1 – %2 (%3 h %4 min): first entry to last exit</source>
        <translation>Жұмыс уақыты %1 – %2 (%3 сағ %4 мин): алғашқы кіруден соңғы шығуға дейін</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="248"/>
        <source>Saved: %1</source>
        <translation>Сақталды: %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="249"/>
        <source>Could not save the file: %1</source>
        <translation>Файл сақталмады: %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="250"/>
        <source>Could not read the day: %1</source>
        <translation>Күн деректері оқылмады: %1</translation>
    </message>
</context>
<context>
    <name>DayNumbers</name>
    <message>
        <location filename="../day_numbers.py" line="142"/>
        <source>Admitted</source>
        <translation>Кіргізілді</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="142"/>
        <source>Refused</source>
        <translation>Тыйым салынды</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="143"/>
        <source>No answer</source>
        <translation>Жауап жоқ</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="146"/>
        <source>%1 at %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="147"/>
        <source>Most inside</source>
        <translation>Ішінде ең көп</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="148"/>
        <source>%1 (%2 at closing)</source>
        <translation>%1 (жабылғанда %2)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="149"/>
        <source>Exits</source>
        <translation>Шығулар</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="152"/>
        <source>Annulled at the gate (nobody walked through)</source>
        <translation>Турникетте жойылды (ешкім өтпеді)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="153"/>
        <source>entries %1 · exits %2</source>
        <translation>кіру %1 · шығу %2</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="159"/>
        <source>Let in unverified</source>
        <translation>Тексерусіз кіргізілді</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="160"/>
        <source>%1: red %2 · not red %3 · not known yet %4</source>
        <translation>%1: қызыл %2 · қызыл емес %3 · әлі белгісіз %4</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="169"/>
        <source>Red reports to the SES</source>
        <translation>СЭҚ-қа қызыл мәртебе хабарламалары</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="170"/>
        <source>%1: delivered %2 · queued %3</source>
        <translation>%1: жеткізілді %2 · кезекте %3</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="176"/>
        <source>open %1 · cleared %2 · confirmed %3</source>
        <translation>ашық %1 · рұқсат берілді %2 · расталды %3</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="178"/>
        <source>Doctor referrals</source>
        <translation>Дәрігерге жолдамалар</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="180"/>
        <source>Staff overrides</source>
        <translation>Қызметкер ережені өзгертті</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../events_view.py" line="81"/>
        <source>Out (closing)</source>
        <translation>Шығу (жабылу)</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="81"/>
        <source>Out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="83"/>
        <source>In: admitted</source>
        <translation>Кіру: рұқсат</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="84"/>
        <source>In: refused</source>
        <translation>Кіру: тыйым</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="85"/>
        <source>In: no answer</source>
        <translation>Кіру: жауап жоқ</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="102"/>
        <source>Latest events</source>
        <translation>Соңғы оқиғалар</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="102"/>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="105"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="106"/>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="107"/>
        <source>Status</source>
        <translation>Мәртебе</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="108"/>
        <source>Visitor</source>
        <translation>Келуші</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="109"/>
        <source>By</source>
        <translation>Кім</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="110"/>
        <source>Sent</source>
        <translation>Жіберілді</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <location filename="../gate_view.py" line="43"/>
        <source>The gate was not opened: it has no output for that way (see [gate] settings).</source>
        <translation>Турникет ашылмады: бұл бағытқа оның шығысы жоқ ([gate] баптауларын қараңыз).</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="46"/>
        <source>The gate was not opened: choose the operator first.</source>
        <translation>Турникет ашылмады: алдымен операторды таңдаңыз.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="49"/>
        <source>The gate was not opened: say why it should open.</source>
        <translation>Турникет ашылмады: оны не үшін ашу керектігін жазыңыз.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="52"/>
        <source>The gate was not opened: too late, the visitor may have gone. Try again.</source>
        <translation>Турникет ашылмады: тым кеш, келуші кетіп қалған болуы мүмкін. Қайталап көріңіз.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="55"/>
        <source>The gate was not opened: it already opened for this visitor.</source>
        <translation>Турникет ашылмады: ол бұл келуші үшін ашылып қойған.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="58"/>
        <source>The gate was not opened: the way in and the way out were mixed up.</source>
        <translation>Турникет ашылмады: кіру мен шығу шатастырылды.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="61"/>
        <source>The gate was not opened: the visitor was not admitted.</source>
        <translation>Турникет ашылмады: келуші өткізілмеді.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="64"/>
        <source>The gate was not opened: the same code shown again records nothing.</source>
        <translation>Турникет ашылмады: қайта көрсетілген код ештеңе тіркемейді.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="67"/>
        <source>The gate was not opened: a doctor-room look-up lets nobody through.</source>
        <translation>Турникет ашылмады: дәрігер бөлмесіндегі тексеру ешкімді өткізбейді.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="70"/>
        <source>The gate was not opened: answer the question first.</source>
        <translation>Турникет ашылмады: алдымен сұраққа жауап беріңіз.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="73"/>
        <source>The gate was not opened: nothing was recorded for it.</source>
        <translation>Турникет ашылмады: ол үшін ештеңе тіркелмеген.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="79"/>
        <source>The gate did not answer in time: it was not opened, and will not open later.</source>
        <translation>Турникет уақытында жауап бермеді: ол ашылмады және кейін де ашылмайды.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="82"/>
        <source>Gate: connecting…</source>
        <translation>Турникет: қосылуда…</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="83"/>
        <source>Gate: ready</source>
        <translation>Турникет: дайын</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="84"/>
        <source>Gate does not answer — check its cable</source>
        <translation>Турникет жауап бермейді — кабелін тексеріңіз</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="85"/>
        <source>Gate open: waiting for a passage (%1)</source>
        <translation>Турникет ашық: өтуді күтуде (%1)</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="88"/>
        <source>Entry annulled — nobody walked through</source>
        <translation>Кіру жойылды — ешкім өтпеді</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="89"/>
        <source>Exit annulled — nobody walked through</source>
        <translation>Шығу жойылды — ешкім өтпеді</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="90"/>
        <source>Gate opened by %1: %2</source>
        <translation>Турникетті %1 ашты: %2</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="91"/>
        <source>Exit opened by %1: %2</source>
        <translation>Шығуды %1 ашты: %2</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="92"/>
        <source>%1 (annulled)</source>
        <translation>%1 (жойылды)</translation>
    </message>
</context>
<context>
    <name>GateBar</name>
    <message>
        <location filename="../gate_view.py" line="285"/>
        <source>Open gate</source>
        <translation>Турникетті ашу</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="286"/>
        <source>Open exit</source>
        <translation>Шығуды ашу</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="287"/>
        <source>Open the gate for one visitor</source>
        <translation>Турникетті бір келушіге ашу</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="288"/>
        <source>Open the exit for one visitor</source>
        <translation>Шығуды бір келушіге ашу</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../health_words.py" line="22"/>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="23"/>
        <source>Data folder</source>
        <translation>Деректер қалтасы</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="24"/>
        <source>Disk space</source>
        <translation>Дискідегі орын</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="25"/>
        <source>Database</source>
        <translation>Дерекқор</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="26"/>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="27"/>
        <source>Clock</source>
        <translation>Сағат</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="28"/>
        <source>Pass keys</source>
        <translation>Рұқсатнама кілттері</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="29"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="30"/>
        <source>Serial scanner</source>
        <translation>Сериялық сканер</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="31"/>
        <source>Sound</source>
        <translation>Дыбыс</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="32"/>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="33"/>
        <source>Gate</source>
        <translation>Турникет</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="34"/>
        <source>Restarts</source>
        <translation>Қайта іске қосулар</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="35"/>
        <source>Log file</source>
        <translation>Журнал файлы</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="39"/>
        <source>ok</source>
        <translation>дұрыс</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="40"/>
        <source>warning</source>
        <translation>ескерту</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="41"/>
        <source>failed</source>
        <translation>ақау</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="44"/>
        <source>On Windows set [camera] backend = &quot;dshow&quot;, or the environment variable OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0.</source>
        <translation>Windows жүйесінде [camera] backend = &quot;dshow&quot; деп қойыңыз немесе OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0 орта айнымалысын орнатыңыз.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="53"/>
        <source>none at this desk</source>
        <translation>бұл киоскіде жоқ</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="54"/>
        <source>not checked now (run ashyq-kiosk doctor)</source>
        <translation>қазір тексерілмеді (ashyq-kiosk doctor іске қосыңыз)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="55"/>
        <source>no answer within %(seconds) s</source>
        <translation>%(seconds) с ішінде жауап жоқ</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="56"/>
        <source>could not be checked: %(detail)</source>
        <translation>тексеру мүмкін болмады: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="57"/>
        <source>valid (%(file))</source>
        <translation>дұрыс (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="58"/>
        <source>cannot be used: correct the key named, then start again. %(detail)</source>
        <translation>қолдануға болмайды: аталған кілтті түзетіп, қайта іске қосыңыз. %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="61"/>
        <source>a PIN has fewer than 6 digits: make a new hash with ashyq-kiosk hash-pin (%(file))</source>
        <translation>PIN-кодта 6 цифрдан аз: ashyq-kiosk hash-pin арқылы жаңа хэш жасаңыз (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="65"/>
        <source>no admin PIN: anyone can leave the kiosk or change its settings; set [pins] admin with ashyq-kiosk hash-pin (%(file))</source>
        <translation>әкімші PIN-коды жоқ: кез келген адам киосктан шығып, баптауларын өзгерте алады; [pins] admin мәнін ashyq-kiosk hash-pin арқылы орнатыңыз (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="70"/>
        <source>%(path)</source>
        <translation>%(path)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="71"/>
        <source>%(path) cannot be written (%(detail)): let the kiosk&apos;s user write there, or choose another folder with --data-dir</source>
        <translation>%(path) қалтасына жазу мүмкін емес (%(detail)): киоск пайдаланушысына жазуға рұқсат беріңіз немесе --data-dir арқылы басқа қалта таңдаңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="76"/>
        <source>%(path) cannot be written (%(detail)): the kiosk runs without a log</source>
        <translation>%(path) файлына жазу мүмкін емес (%(detail)): киоск журналсыз жұмыс істейді</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="79"/>
        <source>%(free_mb) MB free</source>
        <translation>%(free_mb) МБ бос</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="80"/>
        <source>only %(free_mb) MB free: free some space soon</source>
        <translation>тек %(free_mb) МБ бос: жақын арада орын босатыңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="81"/>
        <source>only %(free_mb) MB free: the kiosk may stop recording; free space now</source>
        <translation>тек %(free_mb) МБ бос: киоск жазуды тоқтатуы мүмкін; орынды қазір босатыңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="84"/>
        <source>intact; %(pending) event(s) waiting to be sent</source>
        <translation>бүтін; жіберуді күтіп тұрған оқиғалар: %(pending)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="85"/>
        <source>damaged: stop the kiosk and run ashyq-kiosk recover (%(detail))</source>
        <translation>зақымдалған: киоскті тоқтатып, ashyq-kiosk recover іске қосыңыз (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="88"/>
        <source>cannot be opened: %(detail)</source>
        <translation>ашылмайды: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="89"/>
        <source>%(url) answers in %(rtt_ms) ms and accepts this device&apos;s token</source>
        <translation>%(url) %(rtt_ms) мс ішінде жауап береді және осы құрылғының токенін қабылдайды</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="92"/>
        <source>%(url) answers in %(rtt_ms) ms, over the look-up limit of %(deadline_ms) ms: look-ups will fall back to passes and the cache</source>
        <translation>%(url) %(rtt_ms) мс ішінде жауап береді, бұл сұрау шегінен (%(deadline_ms) мс) ұзақ: сұраулар рұқсатнамалар мен кэшке сүйенеді</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="97"/>
        <source>%(url) does not answer: check the network and [service] url (%(detail))</source>
        <translation>%(url) жауап бермейді: желіні және [service] url мәнін тексеріңіз (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="100"/>
        <source>%(driver) gate does not answer: check its cable and address (%(detail))</source>
        <translation>%(driver) турникеті жауап бермейді: кабелі мен мекенжайын тексеріңіз (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="103"/>
        <source>%(driver) gate answers</source>
        <translation>%(driver) турникеті жауап береді</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="104"/>
        <source>its settings cannot work: %(detail)</source>
        <translation>баптаулары жұмыс істей алмайды: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="105"/>
        <source>%(url) refuses this device&apos;s token: check [service] token with the service&apos;s operator</source>
        <translation>%(url) осы құрылғының токенін қабылдамайды: [service] token мәнін сервис операторымен тексеріңіз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="109"/>
        <source>%(url) answered with an error: %(detail)</source>
        <translation>%(url) қатемен жауап берді: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="110"/>
        <source>%(skew_s) s from the service&apos;s clock</source>
        <translation>сервис сағатынан айырмашылығы %(skew_s) с</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="111"/>
        <source>%(skew_s) s from the service&apos;s clock: let the PC set its time automatically</source>
        <translation>сервис сағатынан айырмашылығы %(skew_s) с: компьютер уақытты автоматты түрде қоятын етіп баптаңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="115"/>
        <source>%(skew_s) s from the service&apos;s clock, more than passes allow (%(allowance_s) s): passes will be refused; set the PC&apos;s time now</source>
        <translation>сервис сағатынан айырмашылығы %(skew_s) с, бұл рұқсатнамаларға рұқсат етілгеннен көп (%(allowance_s) с): рұқсатнамалар қабылданбайды; компьютер уақытын қазір түзетіңіз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="120"/>
        <source>not measured: the service did not answer</source>
        <translation>өлшенбеді: сервис жауап бермеді</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="121"/>
        <source>%(keys) key(s), fetched %(age_h) h ago</source>
        <translation>%(keys) кілт, %(age_h) сағ бұрын алынған</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="122"/>
        <source>%(keys) key(s), fetched %(age_h) h ago: the kiosk fetches them again when online</source>
        <translation>%(keys) кілт, %(age_h) сағ бұрын алынған: байланыс болғанда киоск оларды қайта алады</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="126"/>
        <source>fetched %(age_h) h ago: passes signed by a newer key go to staff; connect the kiosk to the service</source>
        <translation>%(age_h) сағ бұрын алынған: жаңа кілтпен қол қойылған рұқсатнамаларды қызметкер шешеді; киоскті сервиске қосыңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="131"/>
        <source>never fetched (%(keys) pinned): the kiosk fetches them when it runs online</source>
        <translation>ешқашан алынбаған (бекітілгені: %(keys)): байланыс болғанда киоск оларды алады</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="135"/>
        <source>working</source>
        <translation>жұмыс істейді</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="136"/>
        <source>%(width)×%(height) at %(fps) fps, opened in %(open_s) s; a frame read and decoded</source>
        <translation>%(width)×%(height), %(fps) кадр/с, %(open_s) с ішінде ашылды; кадр оқылып, танылды</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="140"/>
        <source>plays on %(output)</source>
        <translation>%(output) арқылы ойнатады</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="141"/>
        <source>took %(open_s) s to open (backend %(backend)), slow.</source>
        <translation>ашылуы %(open_s) с алды (backend %(backend)), баяу.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="144"/>
        <source>camera %(device) did not open: check its cable and [camera] device (%(detail))</source>
        <translation>%(device) камерасы ашылмады: кабелін және [camera] device мәнін тексеріңіз (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="148"/>
        <source>camera %(device) opened but gave no picture: try another USB port</source>
        <translation>%(device) камерасы ашылды, бірақ сурет бермеді: басқа USB портын қолданып көріңіз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="151"/>
        <source>the code reader cannot start: %(detail)</source>
        <translation>код оқу құралы іске қосылмайды: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="154"/>
        <source>%(port) is there</source>
        <translation>%(port) порты бар</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="155"/>
        <source>%(printer) is installed</source>
        <translation>%(printer) орнатылған</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="156"/>
        <source>%(port) is not there: check the cable and [scanner] serial_port</source>
        <translation>%(port) порты жоқ: кабельді және [scanner] serial_port мәнін тексеріңіз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="159"/>
        <source>muted in the settings</source>
        <translation>баптауларда дыбыс өшірілген</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="160"/>
        <source>no sound output: the kiosk will be silent</source>
        <translation>дыбыс шығысы жоқ: киоск дыбыссыз жұмыс істейді</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="161"/>
        <source>sound files missing (%(missing)): install the kiosk again</source>
        <translation>дыбыс файлдары жоқ (%(missing)): киоскті қайта орнатыңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="164"/>
        <source>no printer set: referral slips are saved as PDFs in %(folder)</source>
        <translation>принтер көрсетілмеген: жолдама парақтары %(folder) қалтасына PDF ретінде сақталады</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="167"/>
        <source>%(printer) is not installed here: slips are saved as PDFs in %(folder)</source>
        <translation>%(printer) бұл компьютерде орнатылмаған: парақтар %(folder) қалтасына PDF ретінде сақталады</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="170"/>
        <source>no crash in the last day</source>
        <translation>соңғы тәулікте апатты тоқтау болған жоқ</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="171"/>
        <source>crashed %(crashes) time(s) in the last day, last at %(last_crash_at): see the log</source>
        <translation>соңғы тәулікте %(crashes) рет апатты тоқтады, соңғысы %(last_crash_at): журналды қараңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="175"/>
        <source>crashed %(crashes) times within a minute and was left stopped (last at %(last_crash_at)): read the log, fix the cause, then start the kiosk again</source>
        <translation>бір минут ішінде %(crashes) рет апатты тоқтап, тоқтатылған күйде қалды (соңғысы %(last_crash_at)): журналды оқып, себебін түзетіңіз, содан кейін киоскті қайта іске қосыңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="180"/>
        <source>crashed %(crashes) times within a minute (last at %(last_crash_at)) and was started again since: see the log</source>
        <translation>бір минут ішінде %(crashes) рет апатты тоқтады (соңғысы %(last_crash_at)), содан бері қайта іске қосылды: журналды қараңыз</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="187"/>
        <source>still opening after %(open_s) s (backend %(backend)), slow.</source>
        <translation>%(open_s) с өтсе де әлі ашылып жатыр (backend %(backend)), баяу.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="190"/>
        <source>camera %(device) is running</source>
        <translation>%(device) камерасы жұмыс істеп тұр</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="271"/>
        <source>%(failed) failed, %(warning) warning(s), %(ok) ok</source>
        <translation>ақау: %(failed), ескерту: %(warning), дұрыс: %(ok)</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <location filename="../health_view.py" line="161"/>
        <source>Desk health</source>
        <translation>Киоск күйі</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="162"/>
        <source>Check now</source>
        <translation>Қазір тексеру</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="163"/>
        <source>Result</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="163"/>
        <source>Check</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="166"/>
        <source>The check could not be made: %1</source>
        <translation>Тексеру жүргізілмеді: %1</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="168"/>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="170"/>
        <source>The check at start has not finished yet.</source>
        <translation>Іске қосылғандағы тексеру әлі аяқталған жоқ.</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="173"/>
        <source>Checked at %1: %2 failed, %3 warning(s), %4 ok</source>
        <translation>%1 тексерілді: ақау: %2, ескерту: %3, дұрыс: %4</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="204"/>
        <source>Log file: %1</source>
        <translation>Журнал файлы: %1</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../entry.py" line="63"/>
        <location filename="../entry.py" line="64"/>
        <source>Delete the last digit</source>
        <translation>Соңғы цифрды өшіру</translation>
    </message>
    <message>
        <location filename="../entry.py" line="66"/>
        <source>Clear</source>
        <translation>Тазарту</translation>
    </message>
</context>
<context>
    <name>KioskScreens</name>
    <message>
        <location filename="../kiosk.py" line="249"/>
        <source>The kiosk cannot record check-ins any more and has stopped.</source>
        <translation>Киоск енді тіркей алмайды және тоқтады.</translation>
    </message>
    <message>
        <location filename="../kiosk.py" line="251"/>
        <source>Nothing recorded so far is lost. If it happens again, call support.</source>
        <translation>Осы уақытқа дейін тіркелгеннің бәрі сақталды. Қайталанса, қолдау қызметіне хабарласыңыз.</translation>
    </message>
</context>
<context>
    <name>LanguageOrder</name>
    <message>
        <location filename="../language_order.py" line="93"/>
        <source>Move up</source>
        <translation>Жоғары жылжыту</translation>
    </message>
    <message>
        <location filename="../language_order.py" line="94"/>
        <source>Move down</source>
        <translation>Төмен жылжыту</translation>
    </message>
</context>
<context>
    <name>LastDecisionCard</name>
    <message>
        <location filename="../staff_cards.py" line="206"/>
        <source>Refer to doctor</source>
        <translation>Дәрігерге жіберу</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="211"/>
        <source>Waiting for the first passenger</source>
        <translation>Алғашқы жолаушыны күтудеміз</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="213"/>
        <source>Waiting for the first visitor</source>
        <translation>Алғашқы келушіні күтудеміз</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../entry.py" line="131"/>
        <source>Visitor without a phone: type the IIN</source>
        <translation>Телефонсыз келуші: ЖСН-ді теріңіз</translation>
    </message>
    <message>
        <location filename="../entry.py" line="132"/>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <location filename="../entry.py" line="133"/>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <location filename="../entry.py" line="134"/>
        <source>Check in</source>
        <translation>Кіруді тіркеу</translation>
    </message>
    <message>
        <location filename="../entry.py" line="135"/>
        <source>Check out</source>
        <translation>Шығуды тіркеу</translation>
    </message>
    <message>
        <location filename="../entry.py" line="137"/>
        <source>Passenger without a phone: type the IIN</source>
        <translation>Телефонсыз жолаушы: ЖСН-ді теріңіз</translation>
    </message>
    <message>
        <location filename="../entry.py" line="138"/>
        <source>Check passenger</source>
        <translation>Жолаушыны тексеру</translation>
    </message>
    <message>
        <location filename="../entry.py" line="144"/>
        <source>%1 of 12 digits</source>
        <translation>12 цифрдың %1</translation>
    </message>
    <message>
        <location filename="../entry.py" line="149"/>
        <source>The 7th digit must be 1 to 6 (century and sex)</source>
        <translation>7-цифр 1-ден 6-ға дейін болуы керек (ғасыр мен жыныс)</translation>
    </message>
    <message>
        <location filename="../entry.py" line="150"/>
        <source>The first six digits are not a real birth date</source>
        <translation>Алғашқы алты цифр нақты туған күн емес</translation>
    </message>
    <message>
        <location filename="../entry.py" line="151"/>
        <source>The last digit does not match: a typo?</source>
        <translation>Соңғы цифр сәйкес емес: қате терілген бе?</translation>
    </message>
    <message>
        <location filename="../entry.py" line="152"/>
        <source>Not a valid IIN</source>
        <translation>ЖСН жарамсыз</translation>
    </message>
    <message>
        <location filename="../entry.py" line="158"/>
        <source>Valid IIN</source>
        <translation>ЖСН дұрыс</translation>
    </message>
</context>
<context>
    <name>OccupancyChart</name>
    <message>
        <location filename="../occupancy_chart.py" line="104"/>
        <source>People inside</source>
        <translation>Ішіндегі адамдар</translation>
    </message>
    <message>
        <location filename="../occupancy_chart.py" line="109"/>
        <source>Nobody came in that day</source>
        <translation>Бұл күні ешкім кірмеді</translation>
    </message>
    <message>
        <location filename="../occupancy_chart.py" line="111"/>
        <source>Nobody has come in yet</source>
        <translation>Әзірге ешкім кірмеді</translation>
    </message>
</context>
<context>
    <name>OperatorPicker</name>
    <message>
        <location filename="../operator.py" line="60"/>
        <source>Operator name</source>
        <translation>Оператордың аты</translation>
    </message>
    <message>
        <location filename="../operator.py" line="62"/>
        <source>Type a name, then Enter</source>
        <translation>Атын теріп, Enter басыңыз</translation>
    </message>
    <message>
        <location filename="../operator.py" line="94"/>
        <source>Another name…</source>
        <translation>Басқа есім…</translation>
    </message>
    <message>
        <location filename="../operator.py" line="95"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../operator.py" line="96"/>
        <source>Who answers staff questions; another name needs the admin PIN</source>
        <translation>Қызметкерге арналған сұрақтарға кім жауап береді; басқа есім үшін әкімші PIN-коды керек</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../pin_dialog.py" line="33"/>
        <source>Admin PIN</source>
        <translation>Әкімші PIN-коды</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="34"/>
        <source>Doctor PIN</source>
        <translation>Дәрігер PIN-коды</translation>
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
        <translation>Соңғы цифрды өшіру</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="260"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="261"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="270"/>
        <source>No PIN is set: ask the administrator to set [pins] %1</source>
        <translation>PIN орнатылмаған: әкімшіден [pins] %1 орнатуын сұраңыз</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="273"/>
        <source>Locked: try again in %1</source>
        <translation>Бұғатталды: %1 кейін қайталаңыз</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="275"/>
        <source>A PIN has 4 to 12 digits</source>
        <translation>PIN 4-тен 12-ге дейін цифрдан тұрады</translation>
    </message>
    <message numerus="yes">
        <location filename="../pin_dialog.py" line="277"/>
        <source>Wrong PIN. Tries left: %n</source>
        <translation>
            <numerusform>PIN қате. Қалған әрекет: %n</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="278"/>
        <source>Enter the PIN</source>
        <translation>PIN-кодты енгізіңіз</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../staff_cards.py" line="97"/>
        <source>Admit</source>
        <translation>Кіргізу</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="98"/>
        <source>Refuse</source>
        <translation>Кіргізбеу</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="104"/>
        <source>Decide for passenger %1</source>
        <translation>%1 жолаушысы туралы шешім қабылдаңыз</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="106"/>
        <source>Decide for visitor %1</source>
        <translation>%1 келушісі туралы шешім қабылдаңыз</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="112"/>
        <source>Waiting for an answer after this visitor: %1</source>
        <translation>Осы келушіден кейін шешім күтіп тұрғандар: %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="121"/>
        <source>Already inside since %1: the same code shown again? Admit only if it is the same person coming back.</source>
        <translation>%1 бастап ішінде: сол код қайта көрсетілді ме? Тек сол адам қайтып келсе ғана кіргізіңіз.</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="126"/>
        <source>The pass is signed by a key this desk does not have yet, and the service does not answer to send it. Ask for a document, then decide.</source>
        <translation>Рұқсатнамаға бұл үстелде әлі жоқ кілтпен қол қойылған, ал сервис оны жіберу үшін жауап бермейді. Құжат сұрап, шешім қабылдаңыз.</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="130"/>
        <source>No status could be verified: the service does not answer and nothing is cached. Ask for a document, then decide.</source>
        <translation>Мәртебені тексеру мүмкін болмады: сервис жауап бермейді, сақталған дерек жоқ. Құжат сұрап, шешім қабылдаңыз.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../gate_view.py" line="174"/>
        <source>Open the exit: why?</source>
        <translation>Шығуды ашу: себебі қандай?</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="174"/>
        <source>Open the gate: why?</source>
        <translation>Турникетті ашу: себебі қандай?</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="177"/>
        <source>e.g. visitor without a phone, checked by ID</source>
        <translation>мысалы, телефонсыз келуші, жеке куәлігі бойынша тексерілді</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="178"/>
        <source>Reason for opening the gate</source>
        <translation>Турникетті ашу себебі</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="179"/>
        <source>Open</source>
        <translation>Ашу</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="180"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../referrals_view.py" line="133"/>
        <source>Refer to doctor</source>
        <translation>Дәрігерге жіберу</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="134"/>
        <source>Refer %1 to the doctor room</source>
        <translation>%1 жолаушысын дәрігер бөлмесіне жіберу</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="137"/>
        <source>Note for the doctor (optional)</source>
        <translation>Дәрігерге ескертпе (міндетті емес)</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="138"/>
        <source>Note for the doctor</source>
        <translation>Дәрігерге ескертпе</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="140"/>
        <source>Refer</source>
        <translation>Жіберу</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="141"/>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <location filename="../referrals_view.py" line="45"/>
        <source>The passenger says the status is wrong</source>
        <translation>Жолаушы мәртебесі қате дейді</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="48"/>
        <source>Yellow status: a contact</source>
        <translation>Сары мәртебе: байланыста болған</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="49"/>
        <source>Red status: a positive test</source>
        <translation>Қызыл мәртебе: оң нәтиже</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="50"/>
        <source>No status could be verified</source>
        <translation>Мәртебені тексеру мүмкін болмады</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="51"/>
        <source>Something else (say what in the note)</source>
        <translation>Басқа себеп (ескертпеде жазыңыз)</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="54"/>
        <source>Cleared: may board</source>
        <translation>Рұқсат: отыруға болады</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="55"/>
        <source>Confirmed: the status stands</source>
        <translation>Расталды: мәртебе өзгермейді</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="57"/>
        <source>Waiting for the doctor</source>
        <translation>Дәрігерді күтуде</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="59"/>
        <source>The gate will let the passenger board, whatever the status said.</source>
        <translation>Мәртебесі қандай болса да, жолаушы отырғызуға жіберіледі.</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="62"/>
        <source>The gate keeps refusing the passenger: the status stands.</source>
        <translation>Жолаушы отырғызуға жіберілмейді: мәртебе өзгермейді.</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../referrals_view.py" line="361"/>
        <source>Choose a referral in the list</source>
        <translation>Тізімнен жолдаманы таңдаңыз</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="372"/>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="373"/>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="374"/>
        <source>Desk</source>
        <translation>Үстел</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="375"/>
        <source>Passenger</source>
        <translation>Жолаушы</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="376"/>
        <source>Status shown</source>
        <translation>Көрсетілген мәртебе</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="377"/>
        <source>Reason</source>
        <translation>Себеп</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="378"/>
        <source>Outcome</source>
        <translation>Нәтиже</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="381"/>
        <location filename="../referrals_view.py" line="382"/>
        <source>The doctor&apos;s note</source>
        <translation>Дәрігердің ескертпесі</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="383"/>
        <source>Referrals</source>
        <translation>Жолдамалар</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="384"/>
        <source>Cleared: may board</source>
        <translation>Рұқсат: отыруға болады</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="385"/>
        <source>Confirmed: status stands</source>
        <translation>Расталды: мәртебе өзгермейді</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <location filename="../referrals_view.py" line="201"/>
        <source>Confirm the doctor&apos;s decision</source>
        <translation>Дәрігердің шешімін растаңыз</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="202"/>
        <source>Ticket %1 · %2</source>
        <translation>%1 талоны · %2</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="206"/>
        <source>Note: %1</source>
        <translation>Ескертпе: %1</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="207"/>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="208"/>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
</context>
<context>
    <name>SesView</name>
    <message>
        <location filename="../ses_view.py" line="77"/>
        <source>refused at the desk</source>
        <translation>үстелде кіргізілмеді</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="79"/>
        <source>admitted offline, found red later</source>
        <translation>байланыссыз кіргізілген, кейін қызыл болып шықты</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="80"/>
        <source>refused offline, found red later</source>
        <translation>байланыссыз кіргізілмеген, кейін қызыл болып шықты</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="84"/>
        <source>Refused by the service (%1): call the sanitary service</source>
        <translation>Сервис қабылдамады (%1): СЭҚ-қа қоңырау шалыңыз</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="88"/>
        <source>Queued: no connection yet. Call if the visitor is still here</source>
        <translation>Кезекте: әзірге байланыс жоқ. Келуші әлі осында болса, қоңырау шалыңыз</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="90"/>
        <source>Delivered; the service received it at %1</source>
        <translation>Жеткізілді; сервис %1 кезінде қабылдады</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="93"/>
        <source>Delivered at %1</source>
        <translation>%1 кезінде жеткізілді</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="96"/>
        <source>(no number in [ses] phone: ask the administrator)</source>
        <translation>([ses] phone нөмірі жоқ: әкімшіден сұраңыз)</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="97"/>
        <source>Sanitary service: %1</source>
        <translation>СЭҚ: %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="100"/>
        <source>A visitor with red status must not enter: the kiosk reports each one to the sanitary service by itself. While a report is queued (no connection), call the number above and give the time and the visitor&apos;s masked ID; keep the visitor apart from others until the service says what to do.</source>
        <translation>Қызыл мәртебелі келушіні кіргізуге болмайды: киоск әрқайсысы туралы СЭҚ-қа өзі хабарлайды. Хабарлама кезекте тұрса (байланыс жоқ), жоғарыдағы нөмірге қоңырау шалып, уақыт пен келушінің жасырын ID-ін айтыңыз; қызмет нұсқау бергенше келушіні басқалардан бөлек ұстаңыз.</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Visitor</source>
        <translation>Келуші</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>What happened</source>
        <translation>Не болды</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Report</source>
        <translation>Хабарлама</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="109"/>
        <source>Reports to the sanitary service</source>
        <translation>СЭҚ-қа хабарламалар</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="295"/>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="298"/>
        <source>Venue</source>
        <translation>Мекеме</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="299"/>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="300"/>
        <source>Screens and sound</source>
        <translation>Экрандар мен дыбыс</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="301"/>
        <source>Devices and contacts</source>
        <translation>Құрылғылар мен байланыстар</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="302"/>
        <source>Gate</source>
        <translation>Турникет</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="314"/>
        <source>HH:MM; empty: nobody is checked out</source>
        <translation>СС:ММ; бос болса — ешкім шығарылмайды</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="317"/>
        <source>0, 1… or a device path; none: no camera</source>
        <translation>0, 1… немесе құрылғы жолы; none — камерасыз</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="321"/>
        <source>This PC&apos;s time zone</source>
        <translation>Осы компьютердің уақыт белдеуі</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="325"/>
        <source>None (-1)</source>
        <translation>Жоқ (-1)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="326"/>
        <source>Mute all sounds</source>
        <translation>Барлық дыбысты өшіру</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="327"/>
        <source>No limit</source>
        <translation>Шектеусіз</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="329"/>
        <source>Saving writes %1</source>
        <translation>Сақтау %1 файлына жазады</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="331"/>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="332"/>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="338"/>
        <source>Saved to %1. The kiosk applies the new settings when it restarts.</source>
        <translation>%1 файлына сақталды. Жаңа баптаулар киоск қайта іске қосылғанда қолданылады.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="340"/>
        <source>Not saved, nothing was written:
%1</source>
        <translation>Сақталмады, ештеңе жазылмады:
%1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="342"/>
        <source>This settings file cannot be edited here:
%1</source>
        <translation>Бұл баптаулар файлын мұнда өзгерту мүмкін емес:
%1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="344"/>
        <source>Nothing to save: no value was changed.</source>
        <translation>Сақтайтын ештеңе жоқ: мән өзгертілмеді.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="353"/>
        <source>Venue name</source>
        <translation>Мекеме атауы</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="354"/>
        <source>BIN (12 digits)</source>
        <translation>БСН (12 цифр)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="355"/>
        <source>Entrance</source>
        <translation>Кіреберіс</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="356"/>
        <source>Desk</source>
        <translation>Үстел</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="357"/>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="358"/>
        <source>This desk checks</source>
        <translation>Бұл үстел тіркейді</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="359"/>
        <source>People inside at once</source>
        <translation>Бір мезгілде ішіндегі адам саны</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="360"/>
        <source>Closing time</source>
        <translation>Жабылу уақыты</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="361"/>
        <source>Time zone</source>
        <translation>Уақыт белдеуі</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="362"/>
        <source>Service address</source>
        <translation>Сервис мекенжайы</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="363"/>
        <source>Device token</source>
        <translation>Құрылғы токені</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="364"/>
        <source>No status can be verified</source>
        <translation>Мәртебені тексеру мүмкін емес</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="365"/>
        <source>Someone inside enters again</source>
        <translation>Ішіндегі адам қайта кірсе</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="366"/>
        <source>Visitor&apos;s languages (the first is the staff&apos;s)</source>
        <translation>Келуші тілдері (біріншісі — қызметкердікі)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="367"/>
        <source>Status screen stays, seconds</source>
        <translation>Мәртебе экраны, секунд</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="368"/>
        <source>Unanswered question ends after, seconds</source>
        <translation>Жауапсыз сұрақ аяқталады, секунд</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="369"/>
        <source>Visitor&apos;s screen</source>
        <translation>Келуші экраны</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="370"/>
        <source>Sounds</source>
        <translation>Дыбыстар</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="371"/>
        <source>Volume</source>
        <translation>Дыбыс деңгейі</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="372"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="373"/>
        <source>Sanitary service phone</source>
        <translation>СЭҚ телефоны</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="374"/>
        <source>Doctor room (boarding)</source>
        <translation>Дәрігер бөлмесі (отырғызу)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="382"/>
        <source>Venue: club, shop, office</source>
        <translation>Мекеме: клуб, дүкен, кеңсе</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="383"/>
        <source>Boarding: airport desk</source>
        <translation>Отырғызу: әуежай үстелі</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="386"/>
        <source>Entry and exit</source>
        <translation>Кіру және шығу</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="387"/>
        <source>Entry only</source>
        <translation>Тек кіру</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="388"/>
        <source>Exit only</source>
        <translation>Тек шығу</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="389"/>
        <source>Doctor room: resolves referrals</source>
        <translation>Дәрігер бөлмесі: жолдамаларды шешеді</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="392"/>
        <source>Staff decide</source>
        <translation>Қызметкер шешеді</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="393"/>
        <source>Admit, marked unverified</source>
        <translation>«Тексерілмеген» деп кіргізу</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="394"/>
        <source>Refuse</source>
        <translation>Кіргізбеу</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="397"/>
        <source>Ask staff</source>
        <translation>Қызметкерден сұрау</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="398"/>
        <source>Admit, flagged</source>
        <translation>Белгілеп кіргізу</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="401"/>
        <source>Second monitor if there is one</source>
        <translation>Бар болса, екінші монитор</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="402"/>
        <source>This monitor</source>
        <translation>Осы монитор</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="403"/>
        <source>Second monitor</source>
        <translation>Екінші монитор</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="49"/>
        <source>Gate driver</source>
        <translation>Турникет драйвері</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="50"/>
        <source>I/O module address (modbus-tcp)</source>
        <translation>Модуль мекенжайы (modbus-tcp)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="51"/>
        <source>TCP port (modbus-tcp)</source>
        <translation>TCP порты (modbus-tcp)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="56"/>
        <source>Parity (modbus-rtu)</source>
        <translation>Жұптық (modbus-rtu)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="57"/>
        <source>Modbus unit id</source>
        <translation>Modbus құрылғы нөмірі</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="58"/>
        <source>Entry relay (coil)</source>
        <translation>Кіру релесі (coil)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="59"/>
        <source>Exit relay (coil)</source>
        <translation>Шығу релесі (coil)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="61"/>
        <source>Entry passage sensor (input)</source>
        <translation>Кіру датчигі (кіріс)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="64"/>
        <source>Exit passage sensor (input)</source>
        <translation>Шығу датчигі (кіріс)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="66"/>
        <source>Relay pulse, ms</source>
        <translation>Реле импульсі, мс</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="70"/>
        <source>HTTP method (http)</source>
        <translation>HTTP әдісі (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="71"/>
        <source>Relay URL (http)</source>
        <translation>Реле URL-і (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="72"/>
        <source>Request body (http)</source>
        <translation>Сұрау денесі (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="74"/>
        <source>Passage callback host:port (http)</source>
        <translation>Өту хабары, host:port (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="77"/>
        <source>Passage callback token (http)</source>
        <translation>Өту хабарының токені (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="53"/>
        <source>Serial port (RTU, relay board)</source>
        <translation>Сериялық порт (RTU, реле)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="55"/>
        <source>Baud rate (RTU, relay board)</source>
        <translation>Жылдамдық, бод (RTU, реле)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="68"/>
        <source>Annul an entry nobody used after, s</source>
        <translation>Ешкім өтпесе, кіру жойылады, с</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="80"/>
        <source>Relay board: entry on (hex)</source>
        <translation>Реле платасы: кіру қосу (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="83"/>
        <source>Relay board: entry off (hex)</source>
        <translation>Реле платасы: кіру өшіру (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="86"/>
        <source>Relay board: exit on (hex)</source>
        <translation>Реле платасы: шығу қосу (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="89"/>
        <source>Relay board: exit off (hex)</source>
        <translation>Реле платасы: шығу өшіру (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="97"/>
        <source>No gate</source>
        <translation>Турникет жоқ</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="99"/>
        <source>Modbus TCP I/O module (network)</source>
        <translation>Modbus TCP енгізу/шығару модулі (желі)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="101"/>
        <source>Modbus RTU I/O module (serial)</source>
        <translation>Modbus RTU енгізу/шығару модулі (сериялық)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="102"/>
        <source>Network relay (HTTP)</source>
        <translation>Желілік реле (HTTP)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="103"/>
        <source>USB serial relay board</source>
        <translation>USB сериялық реле платасы</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="106"/>
        <source>None (N)</source>
        <translation>Жоқ (N)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="107"/>
        <source>Even (E)</source>
        <translation>Жұп (E)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="108"/>
        <source>Odd (O)</source>
        <translation>Тақ (O)</translation>
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
        <translation>ДӘРІГЕРГЕ ЖОЛДАМА</translation>
    </message>
    <message>
        <location filename="../slip.py" line="24"/>
        <source>Go to: %1</source>
        <translation>Баратын жер: %1</translation>
    </message>
    <message>
        <location filename="../slip.py" line="25"/>
        <source>Show this slip to the doctor.</source>
        <translation>Бұл талонды дәрігерге көрсетіңіз.</translation>
    </message>
    <message>
        <location filename="../slip.py" line="26"/>
        <source>Status shown: %1</source>
        <translation>Көрсетілген мәртебе: %1</translation>
    </message>
    <message>
        <location filename="../slip.py" line="27"/>
        <source>Desk %1, %2</source>
        <translation>%1 үстелі, %2</translation>
    </message>
    <message>
        <location filename="../slip.py" line="28"/>
        <source>the doctor room (ask staff the way)</source>
        <translation>дәрігер бөлмесі (жолды қызметкерден сұраңыз)</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../staff.py" line="264"/>
        <source>%1 · desk %2</source>
        <translation>%1 · %2 үстелі</translation>
    </message>
    <message>
        <location filename="../staff.py" line="266"/>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../staff.py" line="267"/>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <location filename="../staff.py" line="268"/>
        <source>Doctor room</source>
        <translation>Дәрігер бөлмесі</translation>
    </message>
    <message>
        <location filename="../staff.py" line="269"/>
        <source>Exit kiosk</source>
        <translation>Киосктан шығу</translation>
    </message>
    <message>
        <location filename="../staff.py" line="270"/>
        <source>Send now</source>
        <translation>Қазір жіберу</translation>
    </message>
    <message>
        <location filename="../staff.py" line="272"/>
        <source>Desk</source>
        <translation>Үстел</translation>
    </message>
    <message>
        <location filename="../staff.py" line="275"/>
        <source>Sanitary service</source>
        <translation>СЭҚ</translation>
    </message>
    <message>
        <location filename="../staff.py" line="289"/>
        <source>Alerts (%1)</source>
        <translation>Ескертулер (%1)</translation>
    </message>
    <message>
        <location filename="../staff.py" line="289"/>
        <source>Alerts</source>
        <translation>Ескертулер</translation>
    </message>
    <message>
        <location filename="../staff.py" line="306"/>
        <source>%1 · %2 to send</source>
        <translation>%1 · жіберуге %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="318"/>
        <source>Pass keys never fetched</source>
        <translation>Рұқсатнама кілттері әлі алынбаған</translation>
    </message>
    <message>
        <location filename="../staff.py" line="318"/>
        <source>Keys: not fetched</source>
        <translation>Кілттер: алынбаған</translation>
    </message>
    <message>
        <location filename="../staff.py" line="326"/>
        <source>Keys: %1</source>
        <translation>Кілттер: %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="327"/>
        <source>Pass keys fetched %1 ago</source>
        <translation>Рұқсатнама кілттері %1 бұрын алынған</translation>
    </message>
    <message>
        <location filename="../staff.py" line="322"/>
        <source>%1 d</source>
        <translation>%1 күн</translation>
    </message>
    <message>
        <location filename="../staff.py" line="273"/>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <location filename="../staff.py" line="337"/>
        <source>Boarded: %1 of %2</source>
        <translation>Отырғызуға өтті: %1 / %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="337"/>
        <source>Boarded: %1</source>
        <translation>Отырғызуға өтті: %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="339"/>
        <source>Inside: %1 of %2</source>
        <translation>Ішінде: %1 / %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="339"/>
        <source>Inside: %1</source>
        <translation>Ішінде: %1</translation>
    </message>
    <message>
        <location filename="../kiosk.py" line="56"/>
        <source>Dashboard</source>
        <translation>Күн қорытындысы</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="32"/>
        <source>Desk health</source>
        <translation>Киоск күйі</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../visitor.py" line="35"/>
        <source>Inside: %1</source>
        <translation>Ішінде: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="36"/>
        <source>Inside: %1 of %2</source>
        <translation>Ішінде: %1 / %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="37"/>
        <source>Boarded: %1</source>
        <translation>Отырғызуға өтті: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="38"/>
        <source>Boarded: %1 of %2</source>
        <translation>Отырғызуға өтті: %1 / %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="39"/>
        <source>%1 · %2 waiting to send</source>
        <translation>%1 · %2 жіберілуді күтуде</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="40"/>
        <source>Go through</source>
        <translation>Өтіңіз</translation>
    </message>
    <message>
        <location filename="../wording.py" line="24"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../wording.py" line="25"/>
        <source>%1 h</source>
        <translation>%1 сағ</translation>
    </message>
    <message>
        <location filename="../words.py" line="31"/>
        <source>Show your code</source>
        <translation>QR-кодыңызды көрсетіңіз</translation>
    </message>
    <message>
        <location filename="../words.py" line="32"/>
        <source>Check-in is closed: please see staff</source>
        <translation>Тіркеу жабық: қызметкерге жүгініңіз</translation>
    </message>
    <message>
        <location filename="../words.py" line="33"/>
        <source>Please wait: staff will decide</source>
        <translation>Күте тұрыңыз: қызметкер шешеді</translation>
    </message>
    <message>
        <location filename="../words.py" line="34"/>
        <source>Already checked in at %1</source>
        <translation>Кіру %1 кезінде тіркелген</translation>
    </message>
    <message>
        <location filename="../words.py" line="35"/>
        <source>Already checked out at %1</source>
        <translation>Шығу %1 кезінде тіркелген</translation>
    </message>
    <message>
        <location filename="../words.py" line="36"/>
        <source>Goodbye!</source>
        <translation>Сау болыңыз!</translation>
    </message>
    <message>
        <location filename="../words.py" line="37"/>
        <source>Staff can refer you to the doctor</source>
        <translation>Қызметкер сізді дәрігерге жібере алады</translation>
    </message>
    <message>
        <location filename="../words.py" line="38"/>
        <location filename="../words.py" line="98"/>
        <source>The venue is full</source>
        <translation>Орын жоқ: адам толы</translation>
    </message>
    <message>
        <location filename="../words.py" line="39"/>
        <source>Self-isolation: please go home</source>
        <translation>Үй оқшаулауы: үйге қайтыңыз</translation>
    </message>
    <message>
        <location filename="../words.py" line="40"/>
        <source>Cleared by the doctor</source>
        <translation>Дәрігер рұқсат берді</translation>
    </message>
    <message>
        <location filename="../words.py" line="41"/>
        <source>The doctor confirmed the status</source>
        <translation>Дәрігер мәртебені растады</translation>
    </message>
    <message>
        <location filename="../words.py" line="44"/>
        <source>Green</source>
        <translation>Жасыл</translation>
    </message>
    <message>
        <location filename="../words.py" line="45"/>
        <source>Blue</source>
        <translation>Көк</translation>
    </message>
    <message>
        <location filename="../words.py" line="46"/>
        <source>Yellow</source>
        <translation>Сары</translation>
    </message>
    <message>
        <location filename="../words.py" line="47"/>
        <source>Red</source>
        <translation>Қызыл</translation>
    </message>
    <message>
        <location filename="../words.py" line="49"/>
        <source>No status</source>
        <translation>Мәртебе жоқ</translation>
    </message>
    <message>
        <location filename="../words.py" line="52"/>
        <source>ADMIT</source>
        <translation>КІРУГЕ РҰҚСАТ</translation>
    </message>
    <message>
        <location filename="../words.py" line="53"/>
        <source>DENY</source>
        <translation>КІРУГЕ ТЫЙЫМ САЛЫНАДЫ</translation>
    </message>
    <message>
        <location filename="../words.py" line="54"/>
        <source>REFER TO DOCTOR</source>
        <translation>ДӘРІГЕРГЕ ЖІБЕРУ</translation>
    </message>
    <message>
        <location filename="../words.py" line="55"/>
        <source>Ticket %1: go to %2</source>
        <translation>%1 талоны: %2 барыңыз</translation>
    </message>
    <message>
        <location filename="../words.py" line="56"/>
        <source>Ticket %1: staff will show you the way</source>
        <translation>%1 талоны: қызметкер жолды көрсетеді</translation>
    </message>
    <message>
        <location filename="../words.py" line="57"/>
        <source>REFRESH YOUR CODE</source>
        <translation>КОДТЫ ЖАҢАРТЫҢЫЗ</translation>
    </message>
    <message>
        <location filename="../words.py" line="58"/>
        <source>INVALID CODE</source>
        <translation>ЖАРАМСЫЗ КОД</translation>
    </message>
    <message>
        <location filename="../words.py" line="59"/>
        <source>UNVERIFIED</source>
        <translation>ТЕКСЕРІЛМЕГЕН</translation>
    </message>
    <message>
        <location filename="../words.py" line="60"/>
        <source>EXIT</source>
        <translation>ШЫҒУ</translation>
    </message>
    <message>
        <location filename="../words.py" line="63"/>
        <source>Verified pass</source>
        <translation>Тексерілген рұқсатнама</translation>
    </message>
    <message>
        <location filename="../words.py" line="64"/>
        <source>Checked with the service now</source>
        <translation>Сервистен қазір тексерілді</translation>
    </message>
    <message>
        <location filename="../words.py" line="65"/>
        <source>Last known status, %1 old</source>
        <translation>Соңғы белгілі мәртебе, %1 бұрын</translation>
    </message>
    <message>
        <location filename="../words.py" line="66"/>
        <source>Not verified: no connection</source>
        <translation>Тексерілмеді: байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../words.py" line="67"/>
        <source>The doctor&apos;s decision</source>
        <translation>Дәрігердің шешімі</translation>
    </message>
    <message>
        <location filename="../words.py" line="72"/>
        <source>The code is empty</source>
        <translation>Код бос</translation>
    </message>
    <message>
        <location filename="../words.py" line="73"/>
        <source>The code is too long to be a pass</source>
        <translation>Код рұқсатнама үшін тым ұзын</translation>
    </message>
    <message>
        <location filename="../words.py" line="74"/>
        <source>Not a pass and not an IIN</source>
        <translation>Бұл рұқсатнама да, ЖСН да емес</translation>
    </message>
    <message>
        <location filename="../words.py" line="75"/>
        <source>The code could not be read</source>
        <translation>Кодты оқу мүмкін болмады</translation>
    </message>
    <message>
        <location filename="../words.py" line="76"/>
        <source>An IIN has 12 digits</source>
        <translation>ЖСН 12 цифрдан тұрады</translation>
    </message>
    <message>
        <location filename="../words.py" line="77"/>
        <source>An IIN has digits only</source>
        <translation>ЖСН тек цифрлардан тұрады</translation>
    </message>
    <message>
        <location filename="../words.py" line="78"/>
        <source>The 7th digit of an IIN is 1 to 6</source>
        <translation>ЖСН-нің 7-цифры 1-ден 6-ға дейін</translation>
    </message>
    <message>
        <location filename="../words.py" line="79"/>
        <source>The IIN&apos;s birth date does not exist</source>
        <translation>ЖСН-дегі туған күн жоқ күн</translation>
    </message>
    <message>
        <location filename="../words.py" line="80"/>
        <source>The IIN&apos;s check digit is wrong</source>
        <translation>ЖСН-нің бақылау цифры қате</translation>
    </message>
    <message>
        <location filename="../words.py" line="81"/>
        <source>The pass is damaged</source>
        <translation>Рұқсатнама бүлінген</translation>
    </message>
    <message>
        <location filename="../words.py" line="82"/>
        <source>The pass is not signed as passes are</source>
        <translation>Рұқсатнама тиісті түрде қол қойылмаған</translation>
    </message>
    <message>
        <location filename="../words.py" line="83"/>
        <source>The pass is signed by an unknown key</source>
        <translation>Рұқсатнамаға белгісіз кілтпен қол қойылған</translation>
    </message>
    <message>
        <location filename="../words.py" line="84"/>
        <source>The signature does not match: forged?</source>
        <translation>Қолтаңба сәйкес емес: жалған ба?</translation>
    </message>
    <message>
        <location filename="../words.py" line="85"/>
        <source>The pass is missing a field</source>
        <translation>Рұқсатнамада өріс жетіспейді</translation>
    </message>
    <message>
        <location filename="../words.py" line="86"/>
        <source>The pass is from the future: check this PC&apos;s clock</source>
        <translation>Рұқсатнама болашақтан: компьютер сағатын тексеріңіз</translation>
    </message>
    <message>
        <location filename="../words.py" line="89"/>
        <source>The pass has expired: open the app again</source>
        <translation>Рұқсатнаманың мерзімі өтті: қосымшаны қайта ашыңыз</translation>
    </message>
    <message>
        <location filename="../words.py" line="90"/>
        <source>The pass holds an invalid IIN</source>
        <translation>Рұқсатнамадағы ЖСН жарамсыз</translation>
    </message>
    <message>
        <location filename="../words.py" line="91"/>
        <source>The pass holds an unknown status</source>
        <translation>Рұқсатнамадағы мәртебе белгісіз</translation>
    </message>
    <message>
        <location filename="../words.py" line="95"/>
        <source>Admitted offline, status is red</source>
        <translation>Байланыссыз кіргізілген, мәртебесі қызыл</translation>
    </message>
    <message>
        <location filename="../words.py" line="96"/>
        <source>Red status: sanitary service told</source>
        <translation>Қызыл мәртебе: СЭҚ-қа хабарланды</translation>
    </message>
    <message>
        <location filename="../words.py" line="97"/>
        <source>Pass-back: already inside</source>
        <translation>Қайта кіру: бұрыннан ішінде</translation>
    </message>
    <message>
        <location filename="../words.py" line="99"/>
        <source>Camera or scanner lost</source>
        <translation>Камера немесе сканер ажыратылды</translation>
    </message>
    <message>
        <location filename="../words.py" line="100"/>
        <source>Events are not reaching the service</source>
        <translation>Оқиғалар сервиске жетпей жатыр</translation>
    </message>
    <message>
        <location filename="../words.py" line="101"/>
        <source>This PC&apos;s clock is wrong</source>
        <translation>Компьютер сағаты қате</translation>
    </message>
    <message>
        <location filename="../words.py" line="102"/>
        <source>This device is not registered</source>
        <translation>Бұл құрылғы тіркелмеген</translation>
    </message>
    <message>
        <location filename="../words.py" line="103"/>
        <source>The service refused some events</source>
        <translation>Сервис кейбір оқиғаларды қабылдамады</translation>
    </message>
    <message>
        <location filename="../words.py" line="104"/>
        <source>Pass keys are out of date</source>
        <translation>Рұқсатнама кілттері ескірген</translation>
    </message>
    <message>
        <location filename="../words.py" line="105"/>
        <source>Database files were touched</source>
        <translation>Дерекқор файлдарына қол тигізілген</translation>
    </message>
    <message>
        <location filename="../words.py" line="106"/>
        <source>The doctor decided a referral</source>
        <translation>Дәрігер жолдама бойынша шешім қабылдады</translation>
    </message>
    <message>
        <location filename="../words.py" line="107"/>
        <source>A doctor&apos;s decision was refused</source>
        <translation>Дәрігер шешімі қабылданбады</translation>
    </message>
    <message>
        <location filename="../words.py" line="108"/>
        <source>Something at this desk needs fixing</source>
        <translation>Киоскіде бірдеңені түзету керек</translation>
    </message>
    <message>
        <location filename="../words.py" line="109"/>
        <source>The gate does not answer</source>
        <translation>Турникет жауап бермейді</translation>
    </message>
    <message>
        <location filename="../words.py" line="113"/>
        <source>Online</source>
        <translation>Байланыс бар</translation>
    </message>
    <message>
        <location filename="../words.py" line="114"/>
        <location filename="../words.py" line="118"/>
        <source>Offline</source>
        <translation>Байланыс жоқ</translation>
    </message>
    <message>
        <location filename="../words.py" line="115"/>
        <source>Service slow</source>
        <translation>Сервис баяу</translation>
    </message>
    <message>
        <location filename="../words.py" line="116"/>
        <source>Device not registered</source>
        <translation>Құрылғы тіркелмеген</translation>
    </message>
    <message>
        <location filename="../words.py" line="117"/>
        <source>Service error</source>
        <translation>Сервис қатесі</translation>
    </message>
    <message>
        <location filename="../words.py" line="122"/>
        <location filename="../words.py" line="128"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../words.py" line="123"/>
        <location filename="../words.py" line="129"/>
        <source>Scanner</source>
        <translation>Сканер</translation>
    </message>
    <message>
        <location filename="../words.py" line="130"/>
        <source>Typed in</source>
        <translation>Қолмен енгізілді</translation>
    </message>
    <message>
        <location filename="../words.py" line="134"/>
        <source>Starting camera…</source>
        <translation>Камера қосылуда…</translation>
    </message>
    <message>
        <location filename="../words.py" line="137"/>
        <source>Camera lost — check the cable</source>
        <translation>Камера ажыратылды — кабельді тексеріңіз</translation>
    </message>
    <message>
        <location filename="../words.py" line="138"/>
        <source>Camera stopped</source>
        <translation>Камера тоқтады</translation>
    </message>
    <message>
        <location filename="../words.py" line="139"/>
        <source>No camera — use the scanner</source>
        <translation>Камера жоқ — сканерді пайдаланыңыз</translation>
    </message>
    <message>
        <location filename="../words.py" line="144"/>
        <source>The disk is full: free some space, then start the kiosk again.</source>
        <translation>Диск толы: орын босатып, киоскіні қайта іске қосыңыз.</translation>
    </message>
    <message>
        <location filename="../words.py" line="147"/>
        <source>The disk cannot be written: check the drive, then start the kiosk again.</source>
        <translation>Дискіге жазу мүмкін емес: дискіні тексеріп, киоскіні қайта іске қосыңыз.</translation>
    </message>
    <message>
        <location filename="../words.py" line="150"/>
        <source>Another program holds the database: close it, then start the kiosk again.</source>
        <translation>Дерекқорды басқа бағдарлама ұстап тұр: оны жауып, киоскіні қайта іске қосыңыз.</translation>
    </message>
    <message>
        <location filename="../words.py" line="153"/>
        <source>The database is damaged: run ashyq-kiosk recover, then start the kiosk again.</source>
        <translation>Дерекқор зақымдалған: ashyq-kiosk recover іске қосып, киоскіні қайта қосыңыз.</translation>
    </message>
    <message>
        <location filename="../words.py" line="156"/>
        <source>The data folder is read-only: allow writing, then start the kiosk again.</source>
        <translation>Деректер қалтасы тек оқуға арналған: жазуға рұқсат беріп, киоскіні қайта іске қосыңыз.</translation>
    </message>
    <message>
        <location filename="../words.py" line="159"/>
        <source>The database is from a newer kiosk version: update this kiosk.</source>
        <translation>Дерекқор киосктің жаңа нұсқасынан: бұл киоскіні жаңартыңыз.</translation>
    </message>
    <message>
        <location filename="../words.py" line="162"/>
        <source>The database files were removed or replaced; a rescue copy was saved in the data folder.</source>
        <translation>Дерекқор файлдары жойылған немесе ауыстырылған; деректер қалтасында сақтық көшірме жасалды.</translation>
    </message>
    <message>
        <location filename="../words.py" line="166"/>
        <source>The database failed.</source>
        <translation>Дерекқор қатесі.</translation>
    </message>
</context>
</TS>
