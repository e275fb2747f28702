<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../alerts_view.py" line="207"/>
        <source>Acknowledge</source>
        <translation>Принято</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../alerts_view.py" line="45"/>
        <source>the number in [ses] phone</source>
        <translation>по номеру из [ses] phone</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="46"/>
        <source>Visitor %1, let in at %2 while the service was down, has red status. The report to the sanitary service is queued. Find the visitor and call %3.</source>
        <translation>Посетитель %1, пропущенный в %2 без связи, имеет красный статус. Сообщение в СЭС поставлено в очередь. Найдите посетителя и позвоните %3.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="51"/>
        <source>Visitor %1 has red status: do not let them in. The report to the sanitary service is queued; call %2 if they need to speak to you.</source>
        <translation>У посетителя %1 красный статус: не пропускайте. Сообщение в СЭС поставлено в очередь; при необходимости звоните %2.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="56"/>
        <source>Visitor %1 is already inside (since %2). Check that it is the same person.</source>
        <translation>Посетитель %1 уже внутри (с %2). Проверьте, что это тот же человек.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="59"/>
        <source>%1 people inside of %2 allowed: entries are refused.</source>
        <translation>Внутри %1 человек из %2 допустимых: вход закрыт.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="60"/>
        <source>The %1 stopped: check its cable. The kiosk retries by itself.</source>
        <translation>%1 перестал(а) работать: проверьте кабель. Киоск переподключится сам.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="61"/>
        <source>%1 events waiting since %2: check the network. Nothing is lost.</source>
        <translation>%1 событий ждут отправки с %2: проверьте сеть. Ничего не потеряно.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="64"/>
        <source>This PC&apos;s clock is %1 s off the service&apos;s: set the time; passes depend on it.</source>
        <translation>Часы этого ПК расходятся с сервисом на %1 с: исправьте время, от него зависят пропуска.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="67"/>
        <source>The service refused %1 events: call support. They are kept.</source>
        <translation>Сервис отклонил %1 событий: обратитесь в поддержку. Они сохранены.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="68"/>
        <source>The pass keys were last fetched %1 days ago, on %2: a pass signed by a newer key goes to staff to decide. Check the network.</source>
        <translation>Ключи пропусков последний раз получены %1 дн. назад, %2: по пропуску, подписанному более новым ключом, решает сотрудник. Проверьте сеть.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="73"/>
        <source>The pass keys have never been fetched from the service: passes signed by its keys go to staff to decide. Check the network.</source>
        <translation>Ключи пропусков ещё ни разу не получены от сервиса: по пропускам, подписанным его ключами, решает сотрудник. Проверьте сеть.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="78"/>
        <source>Referral %1: the doctor decided %2.</source>
        <translation>Направление %1: решение врача — %2.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="79"/>
        <source>cleared, the passenger may board</source>
        <translation>допущен, пассажир может пройти на посадку</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="80"/>
        <source>confirmed, the status stands</source>
        <translation>подтверждено, статус остаётся</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="81"/>
        <source>Referral %1: another doctor&apos;s decision came first and holds. Nothing to do.</source>
        <translation>Направление %1: решение другого врача пришло раньше и действует. Ничего делать не нужно.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="84"/>
        <source>Referral %1: the service does not know it yet. Resolve it again once it has arrived.</source>
        <translation>Направление %1: сервис его ещё не знает. Примите решение снова, когда оно поступит.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="88"/>
        <source>The service refused this device&apos;s token: call support. Events are kept.</source>
        <translation>Сервис не принял токен этого устройства: обратитесь в поддержку. События сохраняются.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="91"/>
        <source>The database files were removed or replaced; the kiosk kept its data. Tell support.</source>
        <translation>Файлы базы данных удалены или заменены; киоск сохранил данные. Сообщите в поддержку.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="95"/>
        <source>The check at start found a problem with: %1. The Desk health tab says what to do.</source>
        <translation>Проверка при запуске нашла неполадку: %1. Что делать — на вкладке «Состояние киоска».</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="98"/>
        <source>The kiosk crashed %1 times within a minute and was left stopped until this start. Tell support; the log file says why.</source>
        <translation>Киоск аварийно завершался %1 раза за минуту и оставался остановленным до этого запуска. Сообщите в поддержку; причина — в файле журнала.</translation>
    </message>
    <message>
        <location filename="../alerts_view.py" line="103"/>
        <source>The gate does not answer: check its cable and power. Check-ins go on, but the gate does not open: let visitors through by hand. This alert goes by itself when the gate answers again.</source>
        <translation>Турникет не отвечает: проверьте его кабель и питание. Регистрация продолжается, но турникет не открывается: пропускайте посетителей вручную. Это оповещение исчезнет само, когда турникет снова ответит.</translation>
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
        <translation>Предупреждений нет</translation>
    </message>
</context>
<context>
    <name>Boarding</name>
    <message>
        <location filename="../boarding.py" line="33"/>
        <source>Referrals</source>
        <translation>Направления</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="34"/>
        <source>Doctor room</source>
        <translation>Кабинет врача</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="35"/>
        <source>Slip for %1: %2</source>
        <translation>Талон %1: %2</translation>
    </message>
    <message>
        <location filename="../boarding.py" line="36"/>
        <source>Referral of %1 not sent: the next passenger was checked. Refer again if needed.</source>
        <translation>Направление для %1 не отправлено: проверен следующий пассажир. При необходимости направьте снова.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../dashboard.py" line="38"/>
        <source>Export CSV</source>
        <translation>Экспорт в CSV</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="39"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="215"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="216"/>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="220"/>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="221"/>
        <source>Reading the day…</source>
        <translation>Читаю данные за день…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="224"/>
        <source>Day %1</source>
        <translation>День %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="226"/>
        <source>Day %1 has not begun</source>
        <translation>День %1 ещё не начался</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="228"/>
        <source>Day %1, so far (%2)</source>
        <translation>День %1, на %2</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="234"/>
        <source>No one was let in</source>
        <translation>Никого не пропустили</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="234"/>
        <source>No one let in yet</source>
        <translation>Пока никого не пропустили</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="236"/>
        <source>First entry %1 · no exit yet</source>
        <translation>Первый вход %1 · выходов пока нет</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="238"/>
        <source>Open %1 – %2 (%3 h %4 min): first entry to last exit</source>
        <translation>Работа %1 – %2 (%3 ч %4 мин): от первого входа до последнего выхода</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="248"/>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="249"/>
        <source>Could not save the file: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="250"/>
        <source>Could not read the day: %1</source>
        <translation>Не удалось прочитать данные за день: %1</translation>
    </message>
</context>
<context>
    <name>DayNumbers</name>
    <message>
        <location filename="../day_numbers.py" line="142"/>
        <source>Admitted</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="142"/>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="143"/>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="146"/>
        <source>%1 at %2</source>
        <translation>%1 в %2</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="147"/>
        <source>Most inside</source>
        <translation>Больше всего внутри</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="148"/>
        <source>%1 (%2 at closing)</source>
        <translation>%1 (при закрытии %2)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="149"/>
        <source>Exits</source>
        <translation>Выходы</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="152"/>
        <source>Annulled at the gate (nobody walked through)</source>
        <translation>Аннулировано у турникета (никто не прошёл)</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="153"/>
        <source>entries %1 · exits %2</source>
        <translation>входов %1 · выходов %2</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="159"/>
        <source>Let in unverified</source>
        <translation>Пропущено без проверки</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="160"/>
        <source>%1: red %2 · not red %3 · not known yet %4</source>
        <translation>%1: красный %2 · не красный %3 · пока неизвестно %4</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="169"/>
        <source>Red reports to the SES</source>
        <translation>Сообщения в СЭС о красном статусе</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="170"/>
        <source>%1: delivered %2 · queued %3</source>
        <translation>%1: доставлено %2 · в очереди %3</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="176"/>
        <source>open %1 · cleared %2 · confirmed %3</source>
        <translation>открыто %1 · допущено %2 · подтверждено %3</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="178"/>
        <source>Doctor referrals</source>
        <translation>Направления к врачу</translation>
    </message>
    <message>
        <location filename="../day_numbers.py" line="180"/>
        <source>Staff overrides</source>
        <translation>Решения персонала вопреки правилам</translation>
    </message>
</context>
<context>
    <name>EventsView</name>
    <message>
        <location filename="../events_view.py" line="81"/>
        <source>Out (closing)</source>
        <translation>Выход (закрытие)</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="81"/>
        <source>Out</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="83"/>
        <source>In: admitted</source>
        <translation>Вход: пропущен</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="84"/>
        <source>In: refused</source>
        <translation>Вход: отказ</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="85"/>
        <source>In: no answer</source>
        <translation>Вход: нет ответа</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="102"/>
        <source>Latest events</source>
        <translation>Последние события</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="102"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="105"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="106"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="107"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="108"/>
        <source>Visitor</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="109"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../events_view.py" line="110"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <location filename="../gate_view.py" line="43"/>
        <source>The gate was not opened: it has no output for that way (see [gate] settings).</source>
        <translation>Турникет не открыт: у него нет выхода для этого направления (см. настройки [gate]).</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="46"/>
        <source>The gate was not opened: choose the operator first.</source>
        <translation>Турникет не открыт: сначала выберите оператора.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="49"/>
        <source>The gate was not opened: say why it should open.</source>
        <translation>Турникет не открыт: укажите, зачем его открыть.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="52"/>
        <source>The gate was not opened: too late, the visitor may have gone. Try again.</source>
        <translation>Турникет не открыт: слишком поздно, посетитель мог уже уйти. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="55"/>
        <source>The gate was not opened: it already opened for this visitor.</source>
        <translation>Турникет не открыт: он уже открывался для этого посетителя.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="58"/>
        <source>The gate was not opened: the way in and the way out were mixed up.</source>
        <translation>Турникет не открыт: перепутаны вход и выход.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="61"/>
        <source>The gate was not opened: the visitor was not admitted.</source>
        <translation>Турникет не открыт: посетитель не допущен.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="64"/>
        <source>The gate was not opened: the same code shown again records nothing.</source>
        <translation>Турникет не открыт: повторно показанный код ничего не записывает.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="67"/>
        <source>The gate was not opened: a doctor-room look-up lets nobody through.</source>
        <translation>Турникет не открыт: проверка в кабинете врача никого не пропускает.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="70"/>
        <source>The gate was not opened: answer the question first.</source>
        <translation>Турникет не открыт: сначала ответьте на вопрос.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="73"/>
        <source>The gate was not opened: nothing was recorded for it.</source>
        <translation>Турникет не открыт: для него ничего не записано.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="79"/>
        <source>The gate did not answer in time: it was not opened, and will not open later.</source>
        <translation>Турникет не ответил вовремя: он не открыт и позже не откроется.</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="82"/>
        <source>Gate: connecting…</source>
        <translation>Турникет: подключение…</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="83"/>
        <source>Gate: ready</source>
        <translation>Турникет: готов</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="84"/>
        <source>Gate does not answer — check its cable</source>
        <translation>Турникет не отвечает — проверьте кабель</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="85"/>
        <source>Gate open: waiting for a passage (%1)</source>
        <translation>Турникет открыт: ждём прохода (%1)</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="88"/>
        <source>Entry annulled — nobody walked through</source>
        <translation>Вход аннулирован — никто не прошёл</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="89"/>
        <source>Exit annulled — nobody walked through</source>
        <translation>Выход аннулирован — никто не прошёл</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="90"/>
        <source>Gate opened by %1: %2</source>
        <translation>Турникет открыт, оператор %1: %2</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="91"/>
        <source>Exit opened by %1: %2</source>
        <translation>Выход открыт, оператор %1: %2</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="92"/>
        <source>%1 (annulled)</source>
        <translation>%1 (аннулирован)</translation>
    </message>
</context>
<context>
    <name>GateBar</name>
    <message>
        <location filename="../gate_view.py" line="285"/>
        <source>Open gate</source>
        <translation>Открыть турникет</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="286"/>
        <source>Open exit</source>
        <translation>Открыть выход</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="287"/>
        <source>Open the gate for one visitor</source>
        <translation>Открыть турникет для одного посетителя</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="288"/>
        <source>Open the exit for one visitor</source>
        <translation>Открыть выход для одного посетителя</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../health_words.py" line="22"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="23"/>
        <source>Data folder</source>
        <translation>Папка данных</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="24"/>
        <source>Disk space</source>
        <translation>Место на диске</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="25"/>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="26"/>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="27"/>
        <source>Clock</source>
        <translation>Часы</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="28"/>
        <source>Pass keys</source>
        <translation>Ключи пропусков</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="29"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="30"/>
        <source>Serial scanner</source>
        <translation>Сканер (COM-порт)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="31"/>
        <source>Sound</source>
        <translation>Звук</translation>
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
        <translation>Перезапуски</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="35"/>
        <source>Log file</source>
        <translation>Файл журнала</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="39"/>
        <source>ok</source>
        <translation>норма</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="40"/>
        <source>warning</source>
        <translation>внимание</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="41"/>
        <source>failed</source>
        <translation>сбой</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="44"/>
        <source>On Windows set [camera] backend = &quot;dshow&quot;, or the environment variable OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0.</source>
        <translation>В Windows укажите [camera] backend = &quot;dshow&quot; или задайте переменную окружения OPENCV_VIDEOIO_MSMF_ENABLE_HW_TRANSFORMS=0.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="53"/>
        <source>none at this desk</source>
        <translation>на этом киоске нет</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="54"/>
        <source>not checked now (run ashyq-kiosk doctor)</source>
        <translation>сейчас не проверялось (запустите ashyq-kiosk doctor)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="55"/>
        <source>no answer within %(seconds) s</source>
        <translation>нет ответа за %(seconds) с</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="56"/>
        <source>could not be checked: %(detail)</source>
        <translation>не удалось проверить: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="57"/>
        <source>valid (%(file))</source>
        <translation>в порядке (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="58"/>
        <source>cannot be used: correct the key named, then start again. %(detail)</source>
        <translation>использовать нельзя: исправьте названный ключ и запустите снова. %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="61"/>
        <source>a PIN has fewer than 6 digits: make a new hash with ashyq-kiosk hash-pin (%(file))</source>
        <translation>в PIN-коде меньше 6 цифр: создайте новый хэш командой ashyq-kiosk hash-pin (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="65"/>
        <source>no admin PIN: anyone can leave the kiosk or change its settings; set [pins] admin with ashyq-kiosk hash-pin (%(file))</source>
        <translation>нет PIN-кода администратора: любой может выйти из киоска или изменить настройки; задайте [pins] admin командой ashyq-kiosk hash-pin (%(file))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="70"/>
        <source>%(path)</source>
        <translation>%(path)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="71"/>
        <source>%(path) cannot be written (%(detail)): let the kiosk&apos;s user write there, or choose another folder with --data-dir</source>
        <translation>в %(path) нельзя записать (%(detail)): дайте пользователю киоска право записи или выберите другую папку через --data-dir</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="76"/>
        <source>%(path) cannot be written (%(detail)): the kiosk runs without a log</source>
        <translation>в %(path) нельзя записать (%(detail)): киоск работает без журнала</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="79"/>
        <source>%(free_mb) MB free</source>
        <translation>свободно %(free_mb) МБ</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="80"/>
        <source>only %(free_mb) MB free: free some space soon</source>
        <translation>свободно всего %(free_mb) МБ: скоро освободите место</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="81"/>
        <source>only %(free_mb) MB free: the kiosk may stop recording; free space now</source>
        <translation>свободно всего %(free_mb) МБ: киоск может перестать записывать; освободите место сейчас</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="84"/>
        <source>intact; %(pending) event(s) waiting to be sent</source>
        <translation>в порядке; событий ждут отправки: %(pending)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="85"/>
        <source>damaged: stop the kiosk and run ashyq-kiosk recover (%(detail))</source>
        <translation>повреждена: остановите киоск и запустите ashyq-kiosk recover (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="88"/>
        <source>cannot be opened: %(detail)</source>
        <translation>не открывается: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="89"/>
        <source>%(url) answers in %(rtt_ms) ms and accepts this device&apos;s token</source>
        <translation>%(url) отвечает за %(rtt_ms) мс и принимает токен этого устройства</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="92"/>
        <source>%(url) answers in %(rtt_ms) ms, over the look-up limit of %(deadline_ms) ms: look-ups will fall back to passes and the cache</source>
        <translation>%(url) отвечает за %(rtt_ms) мс, дольше предела запроса (%(deadline_ms) мс): запросы будут опираться на пропуска и кэш</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="97"/>
        <source>%(url) does not answer: check the network and [service] url (%(detail))</source>
        <translation>%(url) не отвечает: проверьте сеть и [service] url (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="100"/>
        <source>%(driver) gate does not answer: check its cable and address (%(detail))</source>
        <translation>турникет %(driver) не отвечает: проверьте кабель и адрес (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="103"/>
        <source>%(driver) gate answers</source>
        <translation>турникет %(driver) отвечает</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="104"/>
        <source>its settings cannot work: %(detail)</source>
        <translation>с такими настройками работать не может: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="105"/>
        <source>%(url) refuses this device&apos;s token: check [service] token with the service&apos;s operator</source>
        <translation>%(url) не принимает токен этого устройства: сверьте [service] token с оператором сервиса</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="109"/>
        <source>%(url) answered with an error: %(detail)</source>
        <translation>%(url) ответил ошибкой: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="110"/>
        <source>%(skew_s) s from the service&apos;s clock</source>
        <translation>расхождение с часами сервиса %(skew_s) с</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="111"/>
        <source>%(skew_s) s from the service&apos;s clock: let the PC set its time automatically</source>
        <translation>расхождение с часами сервиса %(skew_s) с: включите автоматическую установку времени на ПК</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="115"/>
        <source>%(skew_s) s from the service&apos;s clock, more than passes allow (%(allowance_s) s): passes will be refused; set the PC&apos;s time now</source>
        <translation>расхождение с часами сервиса %(skew_s) с — больше, чем допускают пропуска (%(allowance_s) с): пропуска будут отклонены; исправьте время ПК сейчас</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="120"/>
        <source>not measured: the service did not answer</source>
        <translation>не измерено: сервис не ответил</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="121"/>
        <source>%(keys) key(s), fetched %(age_h) h ago</source>
        <translation>ключей: %(keys), получены %(age_h) ч назад</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="122"/>
        <source>%(keys) key(s), fetched %(age_h) h ago: the kiosk fetches them again when online</source>
        <translation>ключей: %(keys), получены %(age_h) ч назад: киоск обновит их, когда появится связь</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="126"/>
        <source>fetched %(age_h) h ago: passes signed by a newer key go to staff; connect the kiosk to the service</source>
        <translation>получены %(age_h) ч назад: пропуска, подписанные новым ключом, решает сотрудник; подключите киоск к сервису</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="131"/>
        <source>never fetched (%(keys) pinned): the kiosk fetches them when it runs online</source>
        <translation>ни разу не получены (закреплённых: %(keys)): киоск получит их, когда появится связь</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="135"/>
        <source>working</source>
        <translation>работает</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="136"/>
        <source>%(width)×%(height) at %(fps) fps, opened in %(open_s) s; a frame read and decoded</source>
        <translation>%(width)×%(height), %(fps) кадр/с, открылась за %(open_s) с; кадр прочитан и распознан</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="140"/>
        <source>plays on %(output)</source>
        <translation>воспроизводится через %(output)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="141"/>
        <source>took %(open_s) s to open (backend %(backend)), slow.</source>
        <translation>открывалась %(open_s) с (backend %(backend)) — медленно.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="144"/>
        <source>camera %(device) did not open: check its cable and [camera] device (%(detail))</source>
        <translation>камера %(device) не открылась: проверьте кабель и [camera] device (%(detail))</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="148"/>
        <source>camera %(device) opened but gave no picture: try another USB port</source>
        <translation>камера %(device) открылась, но не даёт изображения: попробуйте другой USB-порт</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="151"/>
        <source>the code reader cannot start: %(detail)</source>
        <translation>распознаватель кодов не запускается: %(detail)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="154"/>
        <source>%(port) is there</source>
        <translation>порт %(port) на месте</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="155"/>
        <source>%(printer) is installed</source>
        <translation>%(printer) установлен</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="156"/>
        <source>%(port) is not there: check the cable and [scanner] serial_port</source>
        <translation>порта %(port) нет: проверьте кабель и [scanner] serial_port</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="159"/>
        <source>muted in the settings</source>
        <translation>звук выключен в настройках</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="160"/>
        <source>no sound output: the kiosk will be silent</source>
        <translation>нет вывода звука: киоск будет работать без звука</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="161"/>
        <source>sound files missing (%(missing)): install the kiosk again</source>
        <translation>нет звуковых файлов (%(missing)): переустановите киоск</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="164"/>
        <source>no printer set: referral slips are saved as PDFs in %(folder)</source>
        <translation>принтер не задан: талоны направлений сохраняются как PDF в %(folder)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="167"/>
        <source>%(printer) is not installed here: slips are saved as PDFs in %(folder)</source>
        <translation>%(printer) не установлен на этом ПК: талоны сохраняются как PDF в %(folder)</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="170"/>
        <source>no crash in the last day</source>
        <translation>за последние сутки сбоев не было</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="171"/>
        <source>crashed %(crashes) time(s) in the last day, last at %(last_crash_at): see the log</source>
        <translation>сбоев за последние сутки: %(crashes), последний в %(last_crash_at): см. журнал</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="175"/>
        <source>crashed %(crashes) times within a minute and was left stopped (last at %(last_crash_at)): read the log, fix the cause, then start the kiosk again</source>
        <translation>аварийно завершался %(crashes) раза за минуту и оставлен остановленным (последний раз в %(last_crash_at)): прочитайте журнал, устраните причину и снова запустите киоск</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="180"/>
        <source>crashed %(crashes) times within a minute (last at %(last_crash_at)) and was started again since: see the log</source>
        <translation>аварийно завершался %(crashes) раза за минуту (последний раз в %(last_crash_at)), с тех пор запущен снова: см. журнал</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="187"/>
        <source>still opening after %(open_s) s (backend %(backend)), slow.</source>
        <translation>всё ещё открывается спустя %(open_s) с (backend %(backend)) — медленно.</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="190"/>
        <source>camera %(device) is running</source>
        <translation>камера %(device) работает</translation>
    </message>
    <message>
        <location filename="../health_words.py" line="271"/>
        <source>%(failed) failed, %(warning) warning(s), %(ok) ok</source>
        <translation>сбоев: %(failed), предупреждений: %(warning), в норме: %(ok)</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <location filename="../health_view.py" line="161"/>
        <source>Desk health</source>
        <translation>Состояние киоска</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="162"/>
        <source>Check now</source>
        <translation>Проверить сейчас</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="163"/>
        <source>Result</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="163"/>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="166"/>
        <source>The check could not be made: %1</source>
        <translation>Проверку выполнить не удалось: %1</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="168"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="170"/>
        <source>The check at start has not finished yet.</source>
        <translation>Проверка при запуске ещё не закончилась.</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="173"/>
        <source>Checked at %1: %2 failed, %3 warning(s), %4 ok</source>
        <translation>Проверено в %1: сбоев: %2, предупреждений: %3, в норме: %4</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="204"/>
        <source>Log file: %1</source>
        <translation>Файл журнала: %1</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../entry.py" line="63"/>
        <location filename="../entry.py" line="64"/>
        <source>Delete the last digit</source>
        <translation>Стереть последнюю цифру</translation>
    </message>
    <message>
        <location filename="../entry.py" line="66"/>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>KioskScreens</name>
    <message>
        <location filename="../kiosk.py" line="249"/>
        <source>The kiosk cannot record check-ins any more and has stopped.</source>
        <translation>Киоск больше не может регистрировать входы и остановлен.</translation>
    </message>
    <message>
        <location filename="../kiosk.py" line="251"/>
        <source>Nothing recorded so far is lost. If it happens again, call support.</source>
        <translation>Всё записанное ранее сохранено. Если это повторится, обратитесь в поддержку.</translation>
    </message>
</context>
<context>
    <name>LanguageOrder</name>
    <message>
        <location filename="../language_order.py" line="93"/>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../language_order.py" line="94"/>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
</context>
<context>
    <name>LastDecisionCard</name>
    <message>
        <location filename="../staff_cards.py" line="206"/>
        <source>Refer to doctor</source>
        <translation>Направить к врачу</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="211"/>
        <source>Waiting for the first passenger</source>
        <translation>Ждём первого пассажира</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="213"/>
        <source>Waiting for the first visitor</source>
        <translation>Ждём первого посетителя</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../entry.py" line="131"/>
        <source>Visitor without a phone: type the IIN</source>
        <translation>Посетитель без телефона: введите ИИН</translation>
    </message>
    <message>
        <location filename="../entry.py" line="132"/>
        <source>12 digits</source>
        <translation>12 цифр</translation>
    </message>
    <message>
        <location filename="../entry.py" line="133"/>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <location filename="../entry.py" line="134"/>
        <source>Check in</source>
        <translation>Отметить вход</translation>
    </message>
    <message>
        <location filename="../entry.py" line="135"/>
        <source>Check out</source>
        <translation>Отметить выход</translation>
    </message>
    <message>
        <location filename="../entry.py" line="137"/>
        <source>Passenger without a phone: type the IIN</source>
        <translation>Пассажир без телефона: введите ИИН</translation>
    </message>
    <message>
        <location filename="../entry.py" line="138"/>
        <source>Check passenger</source>
        <translation>Проверить пассажира</translation>
    </message>
    <message>
        <location filename="../entry.py" line="144"/>
        <source>%1 of 12 digits</source>
        <translation>%1 из 12 цифр</translation>
    </message>
    <message>
        <location filename="../entry.py" line="149"/>
        <source>The 7th digit must be 1 to 6 (century and sex)</source>
        <translation>7-я цифра должна быть от 1 до 6 (век и пол)</translation>
    </message>
    <message>
        <location filename="../entry.py" line="150"/>
        <source>The first six digits are not a real birth date</source>
        <translation>Первые шесть цифр — не настоящая дата рождения</translation>
    </message>
    <message>
        <location filename="../entry.py" line="151"/>
        <source>The last digit does not match: a typo?</source>
        <translation>Последняя цифра не сходится: опечатка?</translation>
    </message>
    <message>
        <location filename="../entry.py" line="152"/>
        <source>Not a valid IIN</source>
        <translation>Недействительный ИИН</translation>
    </message>
    <message>
        <location filename="../entry.py" line="158"/>
        <source>Valid IIN</source>
        <translation>ИИН верный</translation>
    </message>
</context>
<context>
    <name>OccupancyChart</name>
    <message>
        <location filename="../occupancy_chart.py" line="104"/>
        <source>People inside</source>
        <translation>Людей внутри</translation>
    </message>
    <message>
        <location filename="../occupancy_chart.py" line="109"/>
        <source>Nobody came in that day</source>
        <translation>В этот день никто не входил</translation>
    </message>
    <message>
        <location filename="../occupancy_chart.py" line="111"/>
        <source>Nobody has come in yet</source>
        <translation>Пока никто не входил</translation>
    </message>
</context>
<context>
    <name>OperatorPicker</name>
    <message>
        <location filename="../operator.py" line="60"/>
        <source>Operator name</source>
        <translation>Имя оператора</translation>
    </message>
    <message>
        <location filename="../operator.py" line="62"/>
        <source>Type a name, then Enter</source>
        <translation>Введите имя и нажмите Enter</translation>
    </message>
    <message>
        <location filename="../operator.py" line="94"/>
        <source>Another name…</source>
        <translation>Другое имя…</translation>
    </message>
    <message>
        <location filename="../operator.py" line="95"/>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../operator.py" line="96"/>
        <source>Who answers staff questions; another name needs the admin PIN</source>
        <translation>Кто отвечает на вопросы персоналу; для другого имени нужен PIN администратора</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../pin_dialog.py" line="33"/>
        <source>Admin PIN</source>
        <translation>PIN администратора</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="34"/>
        <source>Doctor PIN</source>
        <translation>PIN врача</translation>
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
        <translation>Стереть последнюю цифру</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="260"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="261"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="270"/>
        <source>No PIN is set: ask the administrator to set [pins] %1</source>
        <translation>PIN не задан: попросите администратора задать [pins] %1</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="273"/>
        <source>Locked: try again in %1</source>
        <translation>Заблокировано: попробуйте через %1</translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="275"/>
        <source>A PIN has 4 to 12 digits</source>
        <translation>PIN состоит из 4–12 цифр</translation>
    </message>
    <message numerus="yes">
        <location filename="../pin_dialog.py" line="277"/>
        <source>Wrong PIN. Tries left: %n</source>
        <translation>
            <numerusform>Неверный PIN. Осталось попыток: %n</numerusform>
            <numerusform>Неверный PIN. Осталось попыток: %n</numerusform>
            <numerusform>Неверный PIN. Осталось попыток: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../pin_dialog.py" line="278"/>
        <source>Enter the PIN</source>
        <translation>Введите PIN</translation>
    </message>
</context>
<context>
    <name>QuestionCard</name>
    <message>
        <location filename="../staff_cards.py" line="97"/>
        <source>Admit</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="98"/>
        <source>Refuse</source>
        <translation>Отказать</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="104"/>
        <source>Decide for passenger %1</source>
        <translation>Решите по пассажиру %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="106"/>
        <source>Decide for visitor %1</source>
        <translation>Решите по посетителю %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="112"/>
        <source>Waiting for an answer after this visitor: %1</source>
        <translation>Ждут решения после этого посетителя: %1</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="121"/>
        <source>Already inside since %1: the same code shown again? Admit only if it is the same person coming back.</source>
        <translation>Уже внутри с %1: тот же код показан снова? Пропускайте, только если это тот же человек.</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="126"/>
        <source>The pass is signed by a key this desk does not have yet, and the service does not answer to send it. Ask for a document, then decide.</source>
        <translation>Пропуск подписан ключом, которого у этой стойки ещё нет, а сервис не отвечает, чтобы его прислать. Попросите документ и решите.</translation>
    </message>
    <message>
        <location filename="../staff_cards.py" line="130"/>
        <source>No status could be verified: the service does not answer and nothing is cached. Ask for a document, then decide.</source>
        <translation>Статус проверить не удалось: сервис не отвечает, сохранённых данных нет. Попросите документ и решите.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../gate_view.py" line="174"/>
        <source>Open the exit: why?</source>
        <translation>Открыть выход: по какой причине?</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="174"/>
        <source>Open the gate: why?</source>
        <translation>Открыть турникет: по какой причине?</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="177"/>
        <source>e.g. visitor without a phone, checked by ID</source>
        <translation>напр., посетитель без телефона, проверен по удостоверению</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="178"/>
        <source>Reason for opening the gate</source>
        <translation>Причина открытия турникета</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="179"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../gate_view.py" line="180"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../referrals_view.py" line="133"/>
        <source>Refer to doctor</source>
        <translation>Направить к врачу</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="134"/>
        <source>Refer %1 to the doctor room</source>
        <translation>Направить %1 в кабинет врача</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="137"/>
        <source>Note for the doctor (optional)</source>
        <translation>Заметка для врача (необязательно)</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="138"/>
        <source>Note for the doctor</source>
        <translation>Заметка для врача</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="140"/>
        <source>Refer</source>
        <translation>Направить</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="141"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <location filename="../referrals_view.py" line="45"/>
        <source>The passenger says the status is wrong</source>
        <translation>Пассажир говорит, что статус неверный</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="48"/>
        <source>Yellow status: a contact</source>
        <translation>Жёлтый статус: контактный</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="49"/>
        <source>Red status: a positive test</source>
        <translation>Красный статус: положительный тест</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="50"/>
        <source>No status could be verified</source>
        <translation>Статус проверить не удалось</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="51"/>
        <source>Something else (say what in the note)</source>
        <translation>Другое (укажите в заметке)</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="54"/>
        <source>Cleared: may board</source>
        <translation>Допущен: может лететь</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="55"/>
        <source>Confirmed: the status stands</source>
        <translation>Подтверждено: статус в силе</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="57"/>
        <source>Waiting for the doctor</source>
        <translation>Ждёт врача</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="59"/>
        <source>The gate will let the passenger board, whatever the status said.</source>
        <translation>Пассажира пропустят на посадку, каким бы ни был статус.</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="62"/>
        <source>The gate keeps refusing the passenger: the status stands.</source>
        <translation>Пассажира не пропустят на посадку: статус в силе.</translation>
    </message>
</context>
<context>
    <name>ReferralsView</name>
    <message>
        <location filename="../referrals_view.py" line="361"/>
        <source>Choose a referral in the list</source>
        <translation>Выберите направление в списке</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="372"/>
        <source>Ticket</source>
        <translation>Талон</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="373"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="374"/>
        <source>Desk</source>
        <translation>Стойка</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="375"/>
        <source>Passenger</source>
        <translation>Пассажир</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="376"/>
        <source>Status shown</source>
        <translation>Показанный статус</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="377"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="378"/>
        <source>Outcome</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="381"/>
        <location filename="../referrals_view.py" line="382"/>
        <source>The doctor&apos;s note</source>
        <translation>Заметка врача</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="383"/>
        <source>Referrals</source>
        <translation>Направления</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="384"/>
        <source>Cleared: may board</source>
        <translation>Допущен: может лететь</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="385"/>
        <source>Confirmed: status stands</source>
        <translation>Подтверждено: статус в силе</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <location filename="../referrals_view.py" line="201"/>
        <source>Confirm the doctor&apos;s decision</source>
        <translation>Подтвердите решение врача</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="202"/>
        <source>Ticket %1 · %2</source>
        <translation>Талон %1 · %2</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="206"/>
        <source>Note: %1</source>
        <translation>Заметка: %1</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="207"/>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <location filename="../referrals_view.py" line="208"/>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
</context>
<context>
    <name>SesView</name>
    <message>
        <location filename="../ses_view.py" line="77"/>
        <source>refused at the desk</source>
        <translation>не пропущен на стойке</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="79"/>
        <source>admitted offline, found red later</source>
        <translation>пропущен без связи, позже оказался красным</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="80"/>
        <source>refused offline, found red later</source>
        <translation>не пропущен без связи, позже оказался красным</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="84"/>
        <source>Refused by the service (%1): call the sanitary service</source>
        <translation>Сервис отклонил (%1): позвоните в СЭС</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="88"/>
        <source>Queued: no connection yet. Call if the visitor is still here</source>
        <translation>В очереди: связи пока нет. Позвоните, если посетитель ещё здесь</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="90"/>
        <source>Delivered; the service received it at %1</source>
        <translation>Доставлено; сервис получил в %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="93"/>
        <source>Delivered at %1</source>
        <translation>Доставлено в %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="96"/>
        <source>(no number in [ses] phone: ask the administrator)</source>
        <translation>(номер в [ses] phone не задан: обратитесь к администратору)</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="97"/>
        <source>Sanitary service: %1</source>
        <translation>СЭС: %1</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="100"/>
        <source>A visitor with red status must not enter: the kiosk reports each one to the sanitary service by itself. While a report is queued (no connection), call the number above and give the time and the visitor&apos;s masked ID; keep the visitor apart from others until the service says what to do.</source>
        <translation>Посетителя с красным статусом пускать нельзя: киоск сам сообщает о каждом в СЭС. Пока сообщение в очереди (нет связи), позвоните по номеру выше и назовите время и скрытый ID посетителя; держите посетителя отдельно от других, пока служба не даст указаний.</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Visitor</source>
        <translation>Посетитель</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="107"/>
        <source>Report</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../ses_view.py" line="109"/>
        <source>Reports to the sanitary service</source>
        <translation>Сообщения в СЭС</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="295"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="298"/>
        <source>Venue</source>
        <translation>Заведение</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="299"/>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="300"/>
        <source>Screens and sound</source>
        <translation>Экраны и звук</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="301"/>
        <source>Devices and contacts</source>
        <translation>Устройства и контакты</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="302"/>
        <source>Gate</source>
        <translation>Турникет</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="314"/>
        <source>HH:MM; empty: nobody is checked out</source>
        <translation>ЧЧ:ММ; пусто — никого не выписывать</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="317"/>
        <source>0, 1… or a device path; none: no camera</source>
        <translation>0, 1… или путь к устройству; none — без камеры</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="321"/>
        <source>This PC&apos;s time zone</source>
        <translation>Часовой пояс этого ПК</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="325"/>
        <source>None (-1)</source>
        <translation>Нет (-1)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="326"/>
        <source>Mute all sounds</source>
        <translation>Выключить все звуки</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="327"/>
        <source>No limit</source>
        <translation>Без ограничения</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="329"/>
        <source>Saving writes %1</source>
        <translation>Сохранение запишет %1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="331"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="332"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="338"/>
        <source>Saved to %1. The kiosk applies the new settings when it restarts.</source>
        <translation>Сохранено в %1. Новые настройки вступят в силу после перезапуска киоска.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="340"/>
        <source>Not saved, nothing was written:
%1</source>
        <translation>Не сохранено, ничего не записано:
%1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="342"/>
        <source>This settings file cannot be edited here:
%1</source>
        <translation>Этот файл настроек нельзя изменить здесь:
%1</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="344"/>
        <source>Nothing to save: no value was changed.</source>
        <translation>Нечего сохранять: значения не менялись.</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="353"/>
        <source>Venue name</source>
        <translation>Название заведения</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="354"/>
        <source>BIN (12 digits)</source>
        <translation>БИН (12 цифр)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="355"/>
        <source>Entrance</source>
        <translation>Вход</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="356"/>
        <source>Desk</source>
        <translation>Стойка</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="357"/>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="358"/>
        <source>This desk checks</source>
        <translation>Эта стойка отмечает</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="359"/>
        <source>People inside at once</source>
        <translation>Одновременно внутри, человек</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="360"/>
        <source>Closing time</source>
        <translation>Время закрытия</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="361"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="362"/>
        <source>Service address</source>
        <translation>Адрес сервиса</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="363"/>
        <source>Device token</source>
        <translation>Токен устройства</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="364"/>
        <source>No status can be verified</source>
        <translation>Статус проверить нельзя</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="365"/>
        <source>Someone inside enters again</source>
        <translation>Находящийся внутри входит снова</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="366"/>
        <source>Visitor&apos;s languages (the first is the staff&apos;s)</source>
        <translation>Языки посетителя (первый — язык сотрудника)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="367"/>
        <source>Status screen stays, seconds</source>
        <translation>Экран статуса, секунд</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="368"/>
        <source>Unanswered question ends after, seconds</source>
        <translation>Вопрос без ответа закрывается через, секунд</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="369"/>
        <source>Visitor&apos;s screen</source>
        <translation>Экран посетителя</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="370"/>
        <source>Sounds</source>
        <translation>Звуки</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="371"/>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="372"/>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="373"/>
        <source>Sanitary service phone</source>
        <translation>Телефон СЭС</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="374"/>
        <source>Doctor room (boarding)</source>
        <translation>Кабинет врача (посадка)</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="382"/>
        <source>Venue: club, shop, office</source>
        <translation>Заведение: клуб, магазин, офис</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="383"/>
        <source>Boarding: airport desk</source>
        <translation>Посадка: стойка аэропорта</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="386"/>
        <source>Entry and exit</source>
        <translation>Вход и выход</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="387"/>
        <source>Entry only</source>
        <translation>Только вход</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="388"/>
        <source>Exit only</source>
        <translation>Только выход</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="389"/>
        <source>Doctor room: resolves referrals</source>
        <translation>Кабинет врача: решает по направлениям</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="392"/>
        <source>Staff decide</source>
        <translation>Решает сотрудник</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="393"/>
        <source>Admit, marked unverified</source>
        <translation>Пропустить как непроверенного</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="394"/>
        <source>Refuse</source>
        <translation>Отказать</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="397"/>
        <source>Ask staff</source>
        <translation>Спросить сотрудника</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="398"/>
        <source>Admit, flagged</source>
        <translation>Пропустить с отметкой</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="401"/>
        <source>Second monitor if there is one</source>
        <translation>Второй монитор, если есть</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="402"/>
        <source>This monitor</source>
        <translation>Этот монитор</translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="403"/>
        <source>Second monitor</source>
        <translation>Второй монитор</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="49"/>
        <source>Gate driver</source>
        <translation>Драйвер турникета</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="50"/>
        <source>I/O module address (modbus-tcp)</source>
        <translation>Адрес модуля (modbus-tcp)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="51"/>
        <source>TCP port (modbus-tcp)</source>
        <translation>TCP-порт (modbus-tcp)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="56"/>
        <source>Parity (modbus-rtu)</source>
        <translation>Чётность (modbus-rtu)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="57"/>
        <source>Modbus unit id</source>
        <translation>Номер устройства Modbus</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="58"/>
        <source>Entry relay (coil)</source>
        <translation>Реле входа (coil)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="59"/>
        <source>Exit relay (coil)</source>
        <translation>Реле выхода (coil)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="61"/>
        <source>Entry passage sensor (input)</source>
        <translation>Датчик прохода внутрь</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="64"/>
        <source>Exit passage sensor (input)</source>
        <translation>Датчик прохода наружу</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="66"/>
        <source>Relay pulse, ms</source>
        <translation>Импульс реле, мс</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="70"/>
        <source>HTTP method (http)</source>
        <translation>Метод HTTP (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="71"/>
        <source>Relay URL (http)</source>
        <translation>URL реле (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="72"/>
        <source>Request body (http)</source>
        <translation>Тело запроса (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="74"/>
        <source>Passage callback host:port (http)</source>
        <translation>Сообщения о проходе, host:port (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="77"/>
        <source>Passage callback token (http)</source>
        <translation>Токен сообщений о проходе (http)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="53"/>
        <source>Serial port (RTU, relay board)</source>
        <translation>COM-порт (RTU, плата реле)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="55"/>
        <source>Baud rate (RTU, relay board)</source>
        <translation>Скорость, бод (RTU, плата реле)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="68"/>
        <source>Annul an entry nobody used after, s</source>
        <translation>Аннулировать вход без прохода через, с</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="80"/>
        <source>Relay board: entry on (hex)</source>
        <translation>Плата реле: вход вкл. (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="83"/>
        <source>Relay board: entry off (hex)</source>
        <translation>Плата реле: вход выкл. (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="86"/>
        <source>Relay board: exit on (hex)</source>
        <translation>Плата реле: выход вкл. (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="89"/>
        <source>Relay board: exit off (hex)</source>
        <translation>Плата реле: выход выкл. (hex)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="97"/>
        <source>No gate</source>
        <translation>Без турникета</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="99"/>
        <source>Modbus TCP I/O module (network)</source>
        <translation>Модуль ввода-вывода Modbus TCP (сеть)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="101"/>
        <source>Modbus RTU I/O module (serial)</source>
        <translation>Модуль ввода-вывода Modbus RTU (последовательный порт)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="102"/>
        <source>Network relay (HTTP)</source>
        <translation>Сетевое реле (HTTP)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="103"/>
        <source>USB serial relay board</source>
        <translation>USB-плата реле (последовательный порт)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="106"/>
        <source>None (N)</source>
        <translation>Нет (N)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="107"/>
        <source>Even (E)</source>
        <translation>Чётная (E)</translation>
    </message>
    <message>
        <location filename="../gate_fields.py" line="108"/>
        <source>Odd (O)</source>
        <translation>Нечётная (O)</translation>
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
        <translation>НАПРАВЛЕНИЕ К ВРАЧУ</translation>
    </message>
    <message>
        <location filename="../slip.py" line="24"/>
        <source>Go to: %1</source>
        <translation>Пройдите: %1</translation>
    </message>
    <message>
        <location filename="../slip.py" line="25"/>
        <source>Show this slip to the doctor.</source>
        <translation>Покажите этот талон врачу.</translation>
    </message>
    <message>
        <location filename="../slip.py" line="26"/>
        <source>Status shown: %1</source>
        <translation>Показанный статус: %1</translation>
    </message>
    <message>
        <location filename="../slip.py" line="27"/>
        <source>Desk %1, %2</source>
        <translation>Стойка %1, %2</translation>
    </message>
    <message>
        <location filename="../slip.py" line="28"/>
        <source>the doctor room (ask staff the way)</source>
        <translation>кабинет врача (спросите дорогу у сотрудника)</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../staff.py" line="264"/>
        <source>%1 · desk %2</source>
        <translation>%1 · стойка %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="266"/>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <location filename="../staff.py" line="267"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../staff.py" line="268"/>
        <source>Doctor room</source>
        <translation>Кабинет врача</translation>
    </message>
    <message>
        <location filename="../staff.py" line="269"/>
        <source>Exit kiosk</source>
        <translation>Выйти из киоска</translation>
    </message>
    <message>
        <location filename="../staff.py" line="270"/>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <location filename="../staff.py" line="272"/>
        <source>Desk</source>
        <translation>Стойка</translation>
    </message>
    <message>
        <location filename="../staff.py" line="275"/>
        <source>Sanitary service</source>
        <translation>СЭС</translation>
    </message>
    <message>
        <location filename="../staff.py" line="289"/>
        <source>Alerts (%1)</source>
        <translation>Предупреждения (%1)</translation>
    </message>
    <message>
        <location filename="../staff.py" line="289"/>
        <source>Alerts</source>
        <translation>Предупреждения</translation>
    </message>
    <message>
        <location filename="../staff.py" line="306"/>
        <source>%1 · %2 to send</source>
        <translation>%1 · к отправке %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="318"/>
        <source>Pass keys never fetched</source>
        <translation>Ключи пропусков ещё не получены</translation>
    </message>
    <message>
        <location filename="../staff.py" line="318"/>
        <source>Keys: not fetched</source>
        <translation>Ключи: не получены</translation>
    </message>
    <message>
        <location filename="../staff.py" line="326"/>
        <source>Keys: %1</source>
        <translation>Ключи: %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="327"/>
        <source>Pass keys fetched %1 ago</source>
        <translation>Ключи пропусков получены %1 назад</translation>
    </message>
    <message>
        <location filename="../staff.py" line="322"/>
        <source>%1 d</source>
        <translation>%1 дн.</translation>
    </message>
    <message>
        <location filename="../staff.py" line="273"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../staff.py" line="337"/>
        <source>Boarded: %1 of %2</source>
        <translation>Прошли на посадку: %1 из %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="337"/>
        <source>Boarded: %1</source>
        <translation>Прошли на посадку: %1</translation>
    </message>
    <message>
        <location filename="../staff.py" line="339"/>
        <source>Inside: %1 of %2</source>
        <translation>Внутри: %1 из %2</translation>
    </message>
    <message>
        <location filename="../staff.py" line="339"/>
        <source>Inside: %1</source>
        <translation>Внутри: %1</translation>
    </message>
    <message>
        <location filename="../kiosk.py" line="56"/>
        <source>Dashboard</source>
        <translation>Итоги дня</translation>
    </message>
    <message>
        <location filename="../health_view.py" line="32"/>
        <source>Desk health</source>
        <translation>Состояние киоска</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../visitor.py" line="35"/>
        <source>Inside: %1</source>
        <translation>Внутри: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="36"/>
        <source>Inside: %1 of %2</source>
        <translation>Внутри: %1 из %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="37"/>
        <source>Boarded: %1</source>
        <translation>Прошли на посадку: %1</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="38"/>
        <source>Boarded: %1 of %2</source>
        <translation>Прошли на посадку: %1 из %2</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="39"/>
        <source>%1 · %2 waiting to send</source>
        <translation>%1 · %2 ждут отправки</translation>
    </message>
    <message>
        <location filename="../visitor.py" line="40"/>
        <source>Go through</source>
        <translation>Проходите</translation>
    </message>
    <message>
        <location filename="../wording.py" line="24"/>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <location filename="../wording.py" line="25"/>
        <source>%1 h</source>
        <translation>%1 ч</translation>
    </message>
    <message>
        <location filename="../words.py" line="31"/>
        <source>Show your code</source>
        <translation>Покажите ваш QR-код</translation>
    </message>
    <message>
        <location filename="../words.py" line="32"/>
        <source>Check-in is closed: please see staff</source>
        <translation>Регистрация закрыта: обратитесь к сотруднику</translation>
    </message>
    <message>
        <location filename="../words.py" line="33"/>
        <source>Please wait: staff will decide</source>
        <translation>Подождите: решение примет сотрудник</translation>
    </message>
    <message>
        <location filename="../words.py" line="34"/>
        <source>Already checked in at %1</source>
        <translation>Вход уже отмечен в %1</translation>
    </message>
    <message>
        <location filename="../words.py" line="35"/>
        <source>Already checked out at %1</source>
        <translation>Выход уже отмечен в %1</translation>
    </message>
    <message>
        <location filename="../words.py" line="36"/>
        <source>Goodbye!</source>
        <translation>До свидания!</translation>
    </message>
    <message>
        <location filename="../words.py" line="37"/>
        <source>Staff can refer you to the doctor</source>
        <translation>Сотрудник может направить вас к врачу</translation>
    </message>
    <message>
        <location filename="../words.py" line="38"/>
        <location filename="../words.py" line="98"/>
        <source>The venue is full</source>
        <translation>Мест нет: заведение заполнено</translation>
    </message>
    <message>
        <location filename="../words.py" line="39"/>
        <source>Self-isolation: please go home</source>
        <translation>Домашний карантин: пожалуйста, вернитесь домой</translation>
    </message>
    <message>
        <location filename="../words.py" line="40"/>
        <source>Cleared by the doctor</source>
        <translation>Допущен врачом</translation>
    </message>
    <message>
        <location filename="../words.py" line="41"/>
        <source>The doctor confirmed the status</source>
        <translation>Врач подтвердил статус</translation>
    </message>
    <message>
        <location filename="../words.py" line="44"/>
        <source>Green</source>
        <translation>Зелёный</translation>
    </message>
    <message>
        <location filename="../words.py" line="45"/>
        <source>Blue</source>
        <translation>Синий</translation>
    </message>
    <message>
        <location filename="../words.py" line="46"/>
        <source>Yellow</source>
        <translation>Жёлтый</translation>
    </message>
    <message>
        <location filename="../words.py" line="47"/>
        <source>Red</source>
        <translation>Красный</translation>
    </message>
    <message>
        <location filename="../words.py" line="49"/>
        <source>No status</source>
        <translation>Нет статуса</translation>
    </message>
    <message>
        <location filename="../words.py" line="52"/>
        <source>ADMIT</source>
        <translation>ПРОХОД РАЗРЕШЁН</translation>
    </message>
    <message>
        <location filename="../words.py" line="53"/>
        <source>DENY</source>
        <translation>ПРОХОД ЗАПРЕЩЁН</translation>
    </message>
    <message>
        <location filename="../words.py" line="54"/>
        <source>REFER TO DOCTOR</source>
        <translation>НАПРАВИТЬ К ВРАЧУ</translation>
    </message>
    <message>
        <location filename="../words.py" line="55"/>
        <source>Ticket %1: go to %2</source>
        <translation>Талон %1: пройдите — %2</translation>
    </message>
    <message>
        <location filename="../words.py" line="56"/>
        <source>Ticket %1: staff will show you the way</source>
        <translation>Талон %1: сотрудник покажет дорогу</translation>
    </message>
    <message>
        <location filename="../words.py" line="57"/>
        <source>REFRESH YOUR CODE</source>
        <translation>ОБНОВИТЕ КОД</translation>
    </message>
    <message>
        <location filename="../words.py" line="58"/>
        <source>INVALID CODE</source>
        <translation>НЕДЕЙСТВИТЕЛЬНЫЙ КОД</translation>
    </message>
    <message>
        <location filename="../words.py" line="59"/>
        <source>UNVERIFIED</source>
        <translation>НЕ ПРОВЕРЕНО</translation>
    </message>
    <message>
        <location filename="../words.py" line="60"/>
        <source>EXIT</source>
        <translation>ВЫХОД</translation>
    </message>
    <message>
        <location filename="../words.py" line="63"/>
        <source>Verified pass</source>
        <translation>Проверенный пропуск</translation>
    </message>
    <message>
        <location filename="../words.py" line="64"/>
        <source>Checked with the service now</source>
        <translation>Проверено в сервисе сейчас</translation>
    </message>
    <message>
        <location filename="../words.py" line="65"/>
        <source>Last known status, %1 old</source>
        <translation>Последний известный статус, %1 назад</translation>
    </message>
    <message>
        <location filename="../words.py" line="66"/>
        <source>Not verified: no connection</source>
        <translation>Не проверено: нет связи</translation>
    </message>
    <message>
        <location filename="../words.py" line="67"/>
        <source>The doctor&apos;s decision</source>
        <translation>Решение врача</translation>
    </message>
    <message>
        <location filename="../words.py" line="72"/>
        <source>The code is empty</source>
        <translation>Код пустой</translation>
    </message>
    <message>
        <location filename="../words.py" line="73"/>
        <source>The code is too long to be a pass</source>
        <translation>Код слишком длинный для пропуска</translation>
    </message>
    <message>
        <location filename="../words.py" line="74"/>
        <source>Not a pass and not an IIN</source>
        <translation>Это не пропуск и не ИИН</translation>
    </message>
    <message>
        <location filename="../words.py" line="75"/>
        <source>The code could not be read</source>
        <translation>Код не удалось прочитать</translation>
    </message>
    <message>
        <location filename="../words.py" line="76"/>
        <source>An IIN has 12 digits</source>
        <translation>ИИН состоит из 12 цифр</translation>
    </message>
    <message>
        <location filename="../words.py" line="77"/>
        <source>An IIN has digits only</source>
        <translation>ИИН состоит только из цифр</translation>
    </message>
    <message>
        <location filename="../words.py" line="78"/>
        <source>The 7th digit of an IIN is 1 to 6</source>
        <translation>7-я цифра ИИН — от 1 до 6</translation>
    </message>
    <message>
        <location filename="../words.py" line="79"/>
        <source>The IIN&apos;s birth date does not exist</source>
        <translation>Даты рождения из ИИН не существует</translation>
    </message>
    <message>
        <location filename="../words.py" line="80"/>
        <source>The IIN&apos;s check digit is wrong</source>
        <translation>Контрольная цифра ИИН неверна</translation>
    </message>
    <message>
        <location filename="../words.py" line="81"/>
        <source>The pass is damaged</source>
        <translation>Пропуск повреждён</translation>
    </message>
    <message>
        <location filename="../words.py" line="82"/>
        <source>The pass is not signed as passes are</source>
        <translation>Пропуск подписан не так, как положено</translation>
    </message>
    <message>
        <location filename="../words.py" line="83"/>
        <source>The pass is signed by an unknown key</source>
        <translation>Пропуск подписан неизвестным ключом</translation>
    </message>
    <message>
        <location filename="../words.py" line="84"/>
        <source>The signature does not match: forged?</source>
        <translation>Подпись не совпадает: подделка?</translation>
    </message>
    <message>
        <location filename="../words.py" line="85"/>
        <source>The pass is missing a field</source>
        <translation>В пропуске не хватает поля</translation>
    </message>
    <message>
        <location filename="../words.py" line="86"/>
        <source>The pass is from the future: check this PC&apos;s clock</source>
        <translation>Пропуск из будущего: проверьте часы этого ПК</translation>
    </message>
    <message>
        <location filename="../words.py" line="89"/>
        <source>The pass has expired: open the app again</source>
        <translation>Срок пропуска истёк: откройте приложение заново</translation>
    </message>
    <message>
        <location filename="../words.py" line="90"/>
        <source>The pass holds an invalid IIN</source>
        <translation>В пропуске недействительный ИИН</translation>
    </message>
    <message>
        <location filename="../words.py" line="91"/>
        <source>The pass holds an unknown status</source>
        <translation>В пропуске неизвестный статус</translation>
    </message>
    <message>
        <location filename="../words.py" line="95"/>
        <source>Admitted offline, status is red</source>
        <translation>Пропущен без связи, статус красный</translation>
    </message>
    <message>
        <location filename="../words.py" line="96"/>
        <source>Red status: sanitary service told</source>
        <translation>Красный статус: СЭС уведомлена</translation>
    </message>
    <message>
        <location filename="../words.py" line="97"/>
        <source>Pass-back: already inside</source>
        <translation>Повторный вход: уже внутри</translation>
    </message>
    <message>
        <location filename="../words.py" line="99"/>
        <source>Camera or scanner lost</source>
        <translation>Камера или сканер отключены</translation>
    </message>
    <message>
        <location filename="../words.py" line="100"/>
        <source>Events are not reaching the service</source>
        <translation>События не доходят до сервиса</translation>
    </message>
    <message>
        <location filename="../words.py" line="101"/>
        <source>This PC&apos;s clock is wrong</source>
        <translation>Часы этого ПК неверны</translation>
    </message>
    <message>
        <location filename="../words.py" line="102"/>
        <source>This device is not registered</source>
        <translation>Это устройство не зарегистрировано</translation>
    </message>
    <message>
        <location filename="../words.py" line="103"/>
        <source>The service refused some events</source>
        <translation>Сервис отклонил часть событий</translation>
    </message>
    <message>
        <location filename="../words.py" line="104"/>
        <source>Pass keys are out of date</source>
        <translation>Ключи пропусков устарели</translation>
    </message>
    <message>
        <location filename="../words.py" line="105"/>
        <source>Database files were touched</source>
        <translation>Файлы базы данных были затронуты</translation>
    </message>
    <message>
        <location filename="../words.py" line="106"/>
        <source>The doctor decided a referral</source>
        <translation>Врач решил по направлению</translation>
    </message>
    <message>
        <location filename="../words.py" line="107"/>
        <source>A doctor&apos;s decision was refused</source>
        <translation>Решение врача отклонено</translation>
    </message>
    <message>
        <location filename="../words.py" line="108"/>
        <source>Something at this desk needs fixing</source>
        <translation>На киоске что-то нужно исправить</translation>
    </message>
    <message>
        <location filename="../words.py" line="109"/>
        <source>The gate does not answer</source>
        <translation>Турникет не отвечает</translation>
    </message>
    <message>
        <location filename="../words.py" line="113"/>
        <source>Online</source>
        <translation>На связи</translation>
    </message>
    <message>
        <location filename="../words.py" line="114"/>
        <location filename="../words.py" line="118"/>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <location filename="../words.py" line="115"/>
        <source>Service slow</source>
        <translation>Сервис медленно отвечает</translation>
    </message>
    <message>
        <location filename="../words.py" line="116"/>
        <source>Device not registered</source>
        <translation>Устройство не зарегистрировано</translation>
    </message>
    <message>
        <location filename="../words.py" line="117"/>
        <source>Service error</source>
        <translation>Ошибка сервиса</translation>
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
        <translation>Введён вручную</translation>
    </message>
    <message>
        <location filename="../words.py" line="134"/>
        <source>Starting camera…</source>
        <translation>Камера запускается…</translation>
    </message>
    <message>
        <location filename="../words.py" line="137"/>
        <source>Camera lost — check the cable</source>
        <translation>Камера отключена — проверьте кабель</translation>
    </message>
    <message>
        <location filename="../words.py" line="138"/>
        <source>Camera stopped</source>
        <translation>Камера остановлена</translation>
    </message>
    <message>
        <location filename="../words.py" line="139"/>
        <source>No camera — use the scanner</source>
        <translation>Камеры нет — используйте сканер</translation>
    </message>
    <message>
        <location filename="../words.py" line="144"/>
        <source>The disk is full: free some space, then start the kiosk again.</source>
        <translation>Диск заполнен: освободите место и снова запустите киоск.</translation>
    </message>
    <message>
        <location filename="../words.py" line="147"/>
        <source>The disk cannot be written: check the drive, then start the kiosk again.</source>
        <translation>На диск нельзя записать: проверьте диск и снова запустите киоск.</translation>
    </message>
    <message>
        <location filename="../words.py" line="150"/>
        <source>Another program holds the database: close it, then start the kiosk again.</source>
        <translation>Базу данных заняла другая программа: закройте её и снова запустите киоск.</translation>
    </message>
    <message>
        <location filename="../words.py" line="153"/>
        <source>The database is damaged: run ashyq-kiosk recover, then start the kiosk again.</source>
        <translation>База данных повреждена: выполните ashyq-kiosk recover и снова запустите киоск.</translation>
    </message>
    <message>
        <location filename="../words.py" line="156"/>
        <source>The data folder is read-only: allow writing, then start the kiosk again.</source>
        <translation>Папка данных только для чтения: разрешите запись и снова запустите киоск.</translation>
    </message>
    <message>
        <location filename="../words.py" line="159"/>
        <source>The database is from a newer kiosk version: update this kiosk.</source>
        <translation>База данных от более новой версии киоска: обновите этот киоск.</translation>
    </message>
    <message>
        <location filename="../words.py" line="162"/>
        <source>The database files were removed or replaced; a rescue copy was saved in the data folder.</source>
        <translation>Файлы базы данных удалены или заменены; резервная копия сохранена в папке данных.</translation>
    </message>
    <message>
        <location filename="../words.py" line="166"/>
        <source>The database failed.</source>
        <translation>Ошибка базы данных.</translation>
    </message>
</context>
</TS>
