<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
    <context>
        <name>App</name>
        <message>
            <location filename="../../app.py" line="+123" />
            <source>Studio cannot start</source>
            <translation>Studio не может запуститься</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>Resumed %n unfinished job(s) from the last session.</source>
            <translation>
                <numerusform>Возобновлено %n незавершённое задание с прошлого запуска.</numerusform>
                <numerusform>Возобновлено %n незавершённых задания с прошлого запуска.</numerusform>
                <numerusform>Возобновлено %n незавершённых заданий с прошлого запуска.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AssistantPage</name>
        <message>
            <location filename="../../ui/settings/assistant_page.py" line="+46" />
            <source>OpenAI key (shared with OpenAI video models)</source>
            <translation>Ключ OpenAI (общий с видеомоделями OpenAI)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paste an OpenAI key (a local server needs none)</source>
            <translation>Вставьте ключ OpenAI (локальному серверу он не нужен)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save key</source>
            <translation>Сохранить ключ</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Endpoint</source>
            <translation>Адрес сервиса</translation>
        </message>
        <message>
            <location line="+4" />
            <source>OpenAI's API, or a local server such as http://localhost:11434/v1</source>
            <translation>API OpenAI или локальный сервер, например http://localhost:11434/v1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base URL</source>
            <translation>Базовый URL</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is set and wins: %2</source>
            <translation>Задана переменная %1, она важнее: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Always answer in English (some video models follow English better)</source>
            <translation>Всегда отвечать по-английски (некоторые видеомодели лучше понимают английский)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Try it</source>
            <translation>Проверить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applies the fields above, then asks for one prompt</source>
            <translation>Применяет поля выше и запрашивает один промпт</translation>
        </message>
        <message>
            <location line="+13" />
            <source>With no key and no address, the offline builder writes prompts from presets; nothing leaves this computer.</source>
            <translation>Без ключа и адреса промпты пишет офлайн-конструктор по шаблонам; ничего не покидает этот компьютер.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Saved: %2</source>
            <translation>Сохранён: %2</translation>
        </message>
        <message>
            <location line="+0" />
            <source>From %1: %2</source>
            <translation>Из %1: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No key set.</source>
            <translation>Ключ не задан.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The key was not saved: %1</source>
            <translation>Ключ не сохранён: %1</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Asking…</source>
            <translation>Запрос…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No key and no address: the offline builder answers, so there is nothing to reach.</source>
            <translation>Нет ни ключа, ни адреса: отвечает офлайн-конструктор, проверять нечего.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✓ Works: %1 answered.</source>
            <translation>✓ Работает: %1 ответил.</translation>
        </message>
    </context>
    <context>
        <name>AssistantPanel</name>
        <message>
            <location filename="../../ui/editor/assistant_panel.py" line="+67" />
            <source>Assistant</source>
            <translation>Ассистент</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enhance</source>
            <translation>Улучшить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Turn your text into a structured prompt fitted to this model and duration</source>
            <translation>Превратить ваш текст в структурированный промпт под эту модель и длительность</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meme</source>
            <translation>Мем</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A funny take: short and portrait (9:16)</source>
            <translation>Смешной вариант: коротко и вертикально (9:16)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From first frame</source>
            <translation>По первому кадру</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+70" />
            <source>A prompt that animates the first frame; your text, if any, steers the action</source>
            <translation>Промпт, оживляющий первый кадр; ваш текст, если он есть, задаёт действие</translation>
        </message>
        <message>
            <location line="-69" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Your text</source>
            <translation>Ваш текст</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suggestion (edit before accepting)</source>
            <translation>Предложение (можно изменить перед принятием)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Reject</source>
            <translation>Отклонить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accept</source>
            <translation>Принять</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use the suggestion as this shot's prompt (one undo step)</source>
            <translation>Сделать предложение промптом этой сцены (один шаг отмены)</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Drop a first frame (a selfie, say) on this shot first</source>
            <translation>Сначала перетащите на эту сцену первый кадр (например, селфи)</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Writing with the %1…</source>
            <translation>Пишет %1…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Writing…</source>
            <translation>Пишем…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Suggestion from the offline builder (add an OpenAI key in Settings, or a local server, for the assistant).</source>
            <translation>Предложение офлайн-конструктора (для ассистента добавьте ключ OpenAI или локальный сервер в настройках).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suggestion from the assistant.</source>
            <translation>Предложение ассистента.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Accepting also sets %1.</source>
            <translation>При принятии также будет задано: %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(empty)</source>
            <translation>(пусто)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Suggestion accepted (Ctrl+Z undoes it).</source>
            <translation>Предложение принято (Ctrl+Z отменяет).</translation>
        </message>
    </context>
    <context>
        <name>CardPainting</name>
        <message>
            <location filename="../../ui/storyboard/cards.py" line="+126" />
            <source>No shots yet. Click “Add shot” to plan the first one.</source>
            <translation>Сцен пока нет. Нажмите «Добавить сцену», чтобы запланировать первую.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>No shot selected. Left and Right select a shot, Alt with an arrow moves it.</source>
            <translation>Сцена не выбрана. Стрелки влево и вправо выбирают сцену, Alt со стрелкой перемещает её.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shot %1 of %2: %3, %4.</source>
            <translation>Сцена %1 из %2: %3, %4.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+47" />
            <source>Untitled</source>
            <translation>Без названия</translation>
        </message>
        <message>
            <location line="-46" />
            <source>Has a take.</source>
            <translation>Дубль есть.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No take yet.</source>
            <translation>Дубля пока нет.</translation>
        </message>
        <message>
            <location line="+62" />
            <source>No prompt yet</source>
            <translation>Промпта пока нет</translation>
        </message>
        <message>
            <location line="+22" />
            <source>take %1/%2</source>
            <translation>дубль %1/%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no take</source>
            <translation>нет дубля</translation>
        </message>
        <message>
            <location line="+62" />
            <source>loading…</source>
            <translation>загрузка…</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="../../ui/storyboard/commands.py" line="+19" />
            <source>Add shot</source>
            <translation>Добавить сцену</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Add shots from story</source>
            <translation>Добавить сцены из истории</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Duplicate shot</source>
            <translation>Дублировать сцену</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Delete shot</source>
            <translation>Удалить сцену</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Move shot</source>
            <translation>Переместить сцену</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Choose take</source>
            <translation>Выбрать дубль</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Remove take</source>
            <translation>Удалить дубль</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Edit prompt</source>
            <translation>Изменить промпт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit negative prompt</source>
            <translation>Изменить негативный промпт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change model</source>
            <translation>Сменить модель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change duration</source>
            <translation>Изменить длительность</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change aspect ratio</source>
            <translation>Изменить формат кадра</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change resolution</source>
            <translation>Изменить разрешение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Toggle audio</source>
            <translation>Переключить звук</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change seed</source>
            <translation>Изменить сид</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set first frame</source>
            <translation>Задать первый кадр</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set last frame</source>
            <translation>Задать последний кадр</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change references</source>
            <translation>Изменить референсы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change continuity</source>
            <translation>Изменить связность</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change transition</source>
            <translation>Изменить переход</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Trim shot</source>
            <translation>Обрезать сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename shot</source>
            <translation>Переименовать сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change parameter</source>
            <translation>Изменить параметр</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Edit shot</source>
            <translation>Изменить сцену</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../ui/compare/dialog.py" line="+131" />
            <source>Side by side</source>
            <translation>Рядом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One after another</source>
            <translation>По очереди</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show the takes side by side</source>
            <translation>Показать дубли рядом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play the takes one after another</source>
            <translation>Воспроизвести дубли по очереди</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+196" />
            <source>Play all</source>
            <translation>Воспроизвести все</translation>
        </message>
        <message>
            <location line="-195" />
            <source>Play every take from its start</source>
            <translation>Воспроизвести каждый дубль с начала</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Takes side by side</source>
            <translation>Дубли рядом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One tile per take: play it, use it in the cut or delete it</source>
            <translation>По плитке на дубль: воспроизвести, взять в монтаж или удалить</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The takes, one after another</source>
            <translation>Дубли по очереди</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Use this take</source>
            <translation>Взять этот дубль</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use the take playing now in the cut</source>
            <translation>Взять в монтаж дубль, который играет сейчас</translation>
        </message>
        <message>
            <location line="+16" />
            <source>A deleted take's clip stays in the History library; Ctrl+Z brings the take back.</source>
            <translation>Клип удалённого дубля остаётся в истории; Ctrl+Z возвращает дубль.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Redo</source>
            <translation>Повторить</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Compare takes — {shot}</source>
            <translation>Сравнение дублей — {shot}</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n take(s)</source>
            <translation>
                <numerusform>%n дубль</numerusform>
                <numerusform>%n дубля</numerusform>
                <numerusform>%n дублей</numerusform>
            </translation>
        </message>
        <message>
            <location line="+19" />
            <source>This shot has no takes yet.</source>
            <translation>У этой сцены ещё нет дублей.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The take was removed from the shot; its clip is still in the History library.</source>
            <translation>Дубль убран из сцены; его клип остаётся в истории.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Pause all</source>
            <translation>Пауза для всех</translation>
        </message>
    </context>
    <context>
        <name>Continuity</name>
        <message>
            <location filename="../../ui/storyboard/cards.py" line="-271" />
            <location line="+6" />
            <source>Independent</source>
            <translation>Независимо</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Chained (from previous shot)</source>
            <translation>Цепочкой (от предыдущей сцены)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bridged (first + last frame)</source>
            <translation>Мостом (первый + последний кадр)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Chained</source>
            <translation>Цепочкой</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bridged</source>
            <translation>Мостом</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cut</source>
            <translation>Склейка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Crossfade</source>
            <translation>Наплыв</translation>
        </message>
    </context>
    <context>
        <name>DeriveDialog</name>
        <message>
            <location filename="../../ui/storyboard/derive_menu.py" line="+65" />
            <source>Remix a take</source>
            <translation>Ремикс дубля</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Edit a take</source>
            <translation>Правка дубля</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Extend a take</source>
            <translation>Продление дубля</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{source}, with {model}. The result is a new take of this shot.</source>
            <translation>{source}, модель {model}. Результат станет новым дублем этой сцены.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+8" />
            <source>Instruction</source>
            <translation>Указание</translation>
        </message>
        <message>
            <location line="-7" />
            <source>What the new take changes, or what happens next</source>
            <translation>Что меняется в новом дубле или что происходит дальше</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change one thing, e.g. “same shot, switch to an 85 mm lens”</source>
            <translation>Измените что-то одно, например «та же сцена, объектив 85 мм»</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What to change, e.g. “make it night, keep everything else”</source>
            <translation>Что изменить, например «сделай ночь, остальное оставь»</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What happens next, e.g. “she turns and waves”</source>
            <translation>Что происходит дальше, например «она оборачивается и машет»</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+6" />
            <source>Seconds to add</source>
            <translation>Сколько секунд добавить</translation>
        </message>
        <message>
            <location line="-3" />
            <source>{n} s</source>
            <translation>{n} с</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+1" />
            <source>Send</source>
            <translation>Отправить</translation>
        </message>
    </context>
    <context>
        <name>DeriveMixin</name>
        <message>
            <location filename="../../ui/window_derive.py" line="+31" />
            <source>This take cannot be changed that way.</source>
            <translation>Этот дубль нельзя изменить таким способом.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Take {n} of {shot}</source>
            <translation>Дубль {n} сцены «{shot}»</translation>
        </message>
        <message>
            <location line="+8" />
            <source>sending</source>
            <translation>отправка</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{what} is already being made (job {job}); following it.</source>
            <translation>{what} уже создаётся (задание {job}); следим за ним.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{what} sent; it becomes a new take of this shot.</source>
            <translation>{what}: отправлено; станет новым дублем этой сцены.</translation>
        </message>
    </context>
    <context>
        <name>DocksMixin</name>
        <message>
            <location filename="../../ui/window_docks.py" line="+85" />
            <source>Loading…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Prompt</source>
            <translation>Промпт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jobs</source>
            <translation>Задания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Storyboard</source>
            <translation>Раскадровка</translation>
        </message>
        <message>
            <location line="+61" />
            <source>The preview is not available.</source>
            <translation>Просмотр недоступен.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The job monitor is not available.</source>
            <translation>Монитор заданий недоступен.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export/dialog.py" line="+51" />
            <source>1080p landscape — 1920×1080</source>
            <translation>1080p горизонтально — 1920×1080</translation>
        </message>
        <message>
            <location line="+1" />
            <source>720p landscape — 1280×720</source>
            <translation>720p горизонтально — 1280×720</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vertical 1080p — 1080×1920</source>
            <translation>Вертикально 1080p — 1080×1920</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vertical 720p — 720×1280</source>
            <translation>Вертикально 720p — 720×1280</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Square — 1080×1080</source>
            <translation>Квадрат — 1080×1080</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom</source>
            <translation>Свой размер</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Draft — fast, larger artefacts</source>
            <translation>Черновик — быстро, заметнее артефакты</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Standard — good for sharing</source>
            <translation>Стандарт — подходит для публикации</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High — slower, best picture</source>
            <translation>Высокое — медленнее, лучшее изображение</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Export — %1</source>
            <translation>Экспорт — %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Untitled</source>
            <translation>Без названия</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Format</source>
            <translation>Формат</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Project — %1</source>
            <translation>Как в проекте — %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source> px</source>
            <translation> пикс.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+1" />
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <location line="+0" />
            <source>A common size, the project's, or your own below</source>
            <translation>Типовой размер, размер проекта или свой (поля ниже)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Width</source>
            <translation>Ширина</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The video's width in pixels</source>
            <translation>Ширина видео в пикселях</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Height</source>
            <translation>Высота</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The video's height in pixels</source>
            <translation>Высота видео в пикселях</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Frames per second of the exported video</source>
            <translation>Кадров в секунду в экспортируемом видео</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 fps (project)</source>
            <translation>%1 кадр/с (как в проекте)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 fps</source>
            <translation>%1 кадр/с</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Frame rate</source>
            <translation>Частота кадров</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Encoding speed against picture quality and file size</source>
            <translation>Скорость кодирования против качества изображения и размера файла</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Quality</source>
            <translation>Качество</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Exact audio (re-encode the sound; slower)</source>
            <translation>Точный звук (перекодировать звук; медленнее)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exact audio</source>
            <translation>Точный звук</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re-encode the sound as one track so every join is sample-exact, instead of copying it.</source>
            <translation>Перекодировать звук одной дорожкой, чтобы каждая склейка была точной до сэмпла, вместо копирования.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>When every clip's sound matches, it is copied and each join stays within 11 ms of the picture. Tick this to re-encode the sound for sample-exact joins.</source>
            <translation>Когда звук всех клипов совпадает, он копируется, и каждая склейка расходится с изображением не больше чем на 11 мс. Отметьте, чтобы перекодировать звук для склеек с точностью до сэмпла.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The MP4 file to write</source>
            <translation>Файл MP4, который будет записан</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Save as</source>
            <translation>Сохранить как</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose the file</source>
            <translation>Выбрать файл</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pick where the MP4 file goes</source>
            <translation>Выберите, куда записать файл MP4</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What will happen</source>
            <translation>Что будет сделано</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export plan</source>
            <translation>План экспорта</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What is copied, what is re-encoded, where crossfades go</source>
            <translation>Что копируется, что перекодируется, где будут наплывы</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+113" />
            <location line="+11" />
            <source>Working out the plan…</source>
            <translation>Составляем план…</translation>
        </message>
        <message>
            <location line="-114" />
            <source>%p%</source>
            <translation>%p %</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancel export</source>
            <translation>Прервать экспорт</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open folder</source>
            <translation>Открыть папку</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+241" />
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <location line="-166" />
            <source>Export as</source>
            <translation>Экспортировать как</translation>
        </message>
        <message>
            <location line="+0" />
            <source>MP4 video (*.mp4)</source>
            <translation>Видео MP4 (*.mp4)</translation>
        </message>
        <message numerus="yes">
            <location line="+41" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n сцена</numerusform>
                <numerusform>%n сцены</numerusform>
                <numerusform>%n сцен</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>, with sound.</source>
            <translation>, со звуком.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>, silent.</source>
            <translation>, без звука.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Choose a file to export to.</source>
            <translation>Выберите файл для экспорта.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Exporting to %1…</source>
            <translation>Экспорт в %1…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Replace file?</source>
            <translation>Заменить файл?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 already exists. Replace it?</source>
            <translation>%1 уже существует. Заменить?</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cancelling…</source>
            <translation>Прерываем…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Exported %1 (%2).</source>
            <translation>Экспортировано: %1 (%2).</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Exported %1.</source>
            <translation>Экспортировано: %1.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The export was cancelled; no file was written.</source>
            <translation>Экспорт прерван, файл не записан.</translation>
        </message>
    </context>
    <context>
        <name>ExportTimeline</name>
        <message>
            <location filename="../../ui/export/timeline.py" line="+30" />
            <source>Export timeline</source>
            <translation>Экспорт монтажного листа</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Crossfades became cuts at their middle: add the dissolves in the editor.</source>
            <translation>Наплывы стали склейками посередине: добавьте переходы в монтажной программе.</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n сцена</numerusform>
                <numerusform>%n сцены</numerusform>
                <numerusform>%n сцен</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n crossfade(s)</source>
            <translation>
                <numerusform>%n наплыв</numerusform>
                <numerusform>%n наплыва</numerusform>
                <numerusform>%n наплывов</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeline written to %1: %2, %3.</source>
            <translation>Монтажный лист записан в %1: %2, %3.</translation>
        </message>
    </context>
    <context>
        <name>FinishMixin</name>
        <message>
            <location filename="../../ui/window_timeline.py" line="+45" />
            <source>Export &amp;now</source>
            <translation>Экспортировать &amp;сейчас</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export the cut in one click, with the last export's settings</source>
            <translation>Экспортировать монтаж одним щелчком с настройками прошлого экспорта</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export progress</source>
            <translation>Ход экспорта</translation>
        </message>
        <message>
            <location line="+97" />
            <source>Exporting to {name}…</source>
            <translation>Экспорт в {name}…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Exported {seconds} to {path}</source>
            <translation>Экспортировано {seconds} в {path}</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Carrying on the storyboard run: {plan}</source>
            <translation>Продолжаем запуск раскадровки: {plan}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The storyboard run is finished: every shot has a take.</source>
            <translation>Запуск раскадровки завершён: у каждой сцены есть дубль.</translation>
        </message>
    </context>
    <context>
        <name>FitPreview</name>
        <message>
            <location filename="../../ui/editor/images.py" line="+288" />
            <location line="+16" />
            <source>No image</source>
            <translation>Нет изображения</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Drag the frame to choose what is sent.</source>
            <translation>Перетащите рамку, чтобы выбрать, что будет отправлено.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <location filename="../../ui/i18n.py" line="+107" />
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <location line="+10" />
            <source>price unknown</source>
            <translation>цена неизвестна</translation>
        </message>
        <message>
            <location line="+2" />
            <source>free</source>
            <translation>бесплатно</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+16" />
            <location filename="../../ui/model_status.py" line="+67" />
            <source>%1 s</source>
            <translation>%1 с</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="+293" />
            <source>Studio</source>
            <translation>Studio</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The model a new shot starts with</source>
            <translation>Модель, с которой начинается новая сцена</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Default model</source>
            <translation>Модель по умолчанию</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Where Studio keeps its job database, clips and logs</source>
            <translation>Где Studio хранит базу заданий, клипы и журналы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show the data folder in the file manager</source>
            <translation>Показать папку данных в файловом менеджере</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Data folder</source>
            <translation>Папка данных</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To use another folder, start Studio with STUDIO_HOME set to it.</source>
            <translation>Чтобы использовать другую папку, запустите Studio с переменной STUDIO_HOME.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No cap</source>
            <translation>Без лимита</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio refuses to start a paid job that would take the last 24 hours' spending over this</source>
            <translation>Studio не запустит платное задание, если траты за последние 24 часа превысят эту сумму</translation>
        </message>
        <message>
            <location line="+3" />
            <source>per 24 hours (0 = no cap)</source>
            <translation>за 24 часа (0 — без лимита)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Budget cap</source>
            <translation>Лимит бюджета</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Jobs at once, per provider</source>
            <translation>Одновременных заданий на провайдера</translation>
        </message>
        <message>
            <location line="+8" />
            <source>More jobs at once finish sooner but may hit the provider's rate limits</source>
            <translation>Больше заданий сразу — быстрее результат, но можно упереться в лимиты провайдера</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Changes apply after a restart.</source>
            <translation>Изменения вступят в силу после перезапуска.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The offline animatic needs no key: it makes quick placeholder clips on this computer.</source>
            <translation>Офлайн-аниматику ключ не нужен: он быстро делает черновые клипы на этом компьютере.</translation>
        </message>
    </context>
    <context>
        <name>GenerationMixin</name>
        <message>
            <location filename="../../ui/window_generation.py" line="+55" />
            <source>Sending the shot…</source>
            <translation>Отправляем сцену…</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Every shot has a take. Select a shot and press Generate for another take.</source>
            <translation>У всех сцен есть дубль. Выберите сцену и нажмите «Сгенерировать» для нового дубля.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Every missing shot has a take now.</source>
            <translation>Теперь у каждой сцены есть дубль.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Generating %n shot(s)…</source>
            <translation>
                <numerusform>Генерируется %n сцена…</numerusform>
                <numerusform>Генерируются %n сцены…</numerusform>
                <numerusform>Генерируются %n сцен…</numerusform>
            </translation>
        </message>
        <message>
            <location line="+27" />
            <source>The job failed.</source>
            <translation>Задание не выполнено.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>A new take for shot %1 is ready.</source>
            <translation>Новый дубль для сцены %1 готов.</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <location filename="../../ui/history/__init__.py" line="+52" />
            <source>(no prompt)</source>
            <translation>(без промпта)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Search history</source>
            <translation>Поиск в истории</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shows the past jobs whose prompt holds these words</source>
            <translation>Показывает прошлые задания, в промпте которых есть эти слова</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search prompts</source>
            <translation>Поиск по промптам</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Model filter</source>
            <translation>Фильтр по модели</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shows the past jobs of one model</source>
            <translation>Показывает прошлые задания одной модели</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All models</source>
            <translation>Все модели</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Past jobs</source>
            <translation>Прошлые задания</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Enter previews a job's clip; the context menu reuses its prompt</source>
            <translation>Enter показывает клип задания; контекстное меню повторно использует его промпт</translation>
        </message>
        <message>
            <location line="+51" />
            <source>History could not be read: %1</source>
            <translation>Не удалось прочитать историю: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>%n job(s) (newest 200)</source>
            <translation>
                <numerusform>%n задание (последние 200)</numerusform>
                <numerusform>%n задания (последние 200)</numerusform>
                <numerusform>%n заданий (последние 200)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n задание</numerusform>
                <numerusform>%n задания</numerusform>
                <numerusform>%n заданий</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>This job has no clip to preview.</source>
            <translation>У этого задания нет клипа для просмотра.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The clip file is gone.</source>
            <translation>Файл клипа пропал.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Preview</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show in folder</source>
            <translation>Показать в папке</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use this prompt in the selected shot</source>
            <translation>Использовать этот промпт в выбранной сцене</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add as a take of the selected shot</source>
            <translation>Добавить как дубль выбранной сцены</translation>
        </message>
    </context>
    <context>
        <name>ImageSlots</name>
        <message>
            <location filename="../../ui/editor/image_slots.py" line="+31" />
            <source>first frame</source>
            <translation>первый кадр</translation>
        </message>
        <message>
            <location line="+1" />
            <source>last frame</source>
            <translation>последний кадр</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reference images</source>
            <translation>референсы</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Add reference image</source>
            <translation>Добавить референс</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add reference images</source>
            <translation>Добавить референсы</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Set %1</source>
            <translation>Задать: %1</translation>
        </message>
        <message>
            <location line="+64" />
            <source>Fit images</source>
            <translation>Подогнать изображения</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No first frame</source>
            <translation>Нет первого кадра</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop an image on First frame to start the shot from it (image-to-video).</source>
            <translation>Перетащите изображение в «Первый кадр», чтобы сцена начиналась с него (изображение в видео).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>First frame</source>
            <translation>Первый кадр</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last frame</source>
            <translation>Последний кадр</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 as sent: %2, cropped to fill (the bright frame; drag it to move the crop). Transparent areas are filled with white.</source>
            <translation>%1 при отправке: %2, обрезано с заполнением (светлая рамка; перетащите её, чтобы сдвинуть обрезку). Прозрачные области заливаются белым.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 as sent: %2, padded (letterboxed). Transparent areas are filled with white.</source>
            <translation>%1 при отправке: %2, с полями (леттербокс). Прозрачные области заливаются белым.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 as sent: %2 (not fitted).</source>
            <translation>%1 при отправке: %2 (без подгонки).</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Move crop</source>
            <translation>Сдвинуть обрезку</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Use as first frame</source>
            <translation>Сделать первым кадром</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Use as last frame</source>
            <translation>Сделать последним кадром</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add as reference</source>
            <translation>Добавить как референс</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 takes no %2.</source>
            <translation>%1 не принимает: %2.</translation>
        </message>
    </context>
    <context>
        <name>ImageZone</name>
        <message>
            <location filename="../../ui/editor/images.py" line="-276" />
            <source>Images (%1)</source>
            <translation>Изображения (%1)</translation>
        </message>
        <message>
            <location line="+123" />
            <source>Choose…</source>
            <translation>Выбрать…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick an image file: %1</source>
            <translation>Выбрать файл изображения: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose an image: %1</source>
            <translation>Выбрать изображение: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear: %1</source>
            <translation>Очистить: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Clear</source>
            <translation>Очистить</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+22" />
            <source>Drop an image here</source>
            <translation>Перетащите изображение сюда</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Choose images</source>
            <translation>Выбор изображений</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose an image</source>
            <translation>Выбор изображения</translation>
        </message>
    </context>
    <context>
        <name>JobMonitor</name>
        <message>
            <location filename="../../ui/jobs/monitor.py" line="+127" />
            <source>All jobs</source>
            <translation>Все задания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>Активные</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Done</source>
            <translation>Завершённые</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed or cancelled</source>
            <translation>Ошибки и отменённые</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Search prompt, model or error</source>
            <translation>Поиск по промпту, модели или ошибке</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search jobs</source>
            <translation>Поиск заданий</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shows the jobs whose prompt, model or error holds these words</source>
            <translation>Показывает задания, в промпте, модели или ошибке которых есть эти слова</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show jobs</source>
            <translation>Показывать задания</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All jobs, the active ones, the done ones, or those that failed</source>
            <translation>Все задания, активные, завершённые или с ошибкой</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Jobs</source>
            <translation>Задания</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One row per generation job: model, prompt, state, progress, cost, error. Delete cancels, Ctrl+C copies.</source>
            <translation>По строке на задание генерации: модель, промпт, состояние, прогресс, стоимость, ошибка. Delete отменяет, Ctrl+C копирует.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Cancel job</source>
            <translation>Отменить задание</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop this job (and ask the provider to stop billing for it)</source>
            <translation>Остановить задание (и попросить провайдера не списывать за него оплату)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retry…</source>
            <translation>Повторить…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start a new job with the same request</source>
            <translation>Запустить новое задание с тем же запросом</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show in folder</source>
            <translation>Показать в папке</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the folder that holds the clip</source>
            <translation>Открыть папку с клипом</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy details</source>
            <translation>Копировать сведения</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the job as JSON (no keys) for a bug report</source>
            <translation>Скопировать задание в JSON (без ключей) для отчёта об ошибке</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Offline animatic</source>
            <translation>Офлайн-аниматик</translation>
        </message>
        <message numerus="yes">
            <location line="+96" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n задание</numerusform>
                <numerusform>%n задания</numerusform>
                <numerusform>%n заданий</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n running</source>
            <translation>
                <numerusform>%n выполняется</numerusform>
                <numerusform>%n выполняются</numerusform>
                <numerusform>%n выполняются</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n с ошибкой</numerusform>
                <numerusform>%n с ошибкой</numerusform>
                <numerusform>%n с ошибкой</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 spent</source>
            <translation>потрачено %1</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Studio lost the provider's answer to this submit: the job may be running, and billed, already. Check the provider's dashboard before retrying.</source>
            <translation>Studio не получила ответ провайдера на эту отправку: задание, возможно, уже выполняется и оплачивается. Проверьте панель провайдера, прежде чем повторять.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Retrying starts a new generation that costs about %1.</source>
            <translation>Повтор запустит новую генерацию стоимостью около %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retrying starts a new generation; its price is unknown, so it may cost as much again.</source>
            <translation>Повтор запустит новую генерацию; её цена неизвестна, так что она может стоить столько же.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Retry now?</source>
            <translation>Повторить сейчас?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retry this job?</source>
            <translation>Повторить задание?</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Copied the job's details (without keys) to the clipboard.</source>
            <translation>Сведения о задании (без ключей) скопированы в буфер обмена.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Job</source>
            <translation>Задание</translation>
        </message>
    </context>
    <context>
        <name>JobState</name>
        <message>
            <location filename="../../ui/jobs/model.py" line="+39" />
            <source>Queued</source>
            <translation>В очереди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submitting</source>
            <translation>Отправка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submitted</source>
            <translation>Отправлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Running</source>
            <translation>Выполняется</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Downloading</source>
            <translation>Загрузка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Done</source>
            <translation>Готово</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>Отменено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation>Неизвестно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting</source>
            <translation>Ожидание</translation>
        </message>
    </context>
    <context>
        <name>JobTableModel</name>
        <message>
            <location line="-24" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prompt</source>
            <translation>Промпт</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Progress</source>
            <translation>Прогресс</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Стоимость</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <location line="+127" />
            <source>job %1</source>
            <translation>задание %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>remote %1</source>
            <translation>у провайдера %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio lost the provider's answer to this submit. Check the provider's dashboard before retrying.</source>
            <translation>Studio не получила ответ провайдера на эту отправку. Проверьте панель провайдера, прежде чем повторять.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kept, waiting for %1. Retry resumes it without paying again.</source>
            <translation>Сохранено, ждём: %1. Повтор продолжит его без повторной оплаты.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>a temporary problem to pass</source>
            <translation>пока пройдёт временная проблема</translation>
        </message>
    </context>
    <context>
        <name>KeyringHelp</name>
        <message>
            <location filename="../../ui/settings/keyring_help.py" line="+15" />
            <source>This system has no keyring service, so Studio cannot store keys. Set %1 in the environment before starting Studio instead.</source>
            <translation>В этой системе нет службы хранения ключей, поэтому Studio не может сохранять ключи. Вместо этого задайте %1 в окружении перед запуском Studio.</translation>
        </message>
        <message>
            <location line="+3" />
            <source> or </source>
            <translation> или </translation>
        </message>
    </context>
    <context>
        <name>LanguagePicker</name>
        <message>
            <location filename="../../ui/settings/language.py" line="+19" />
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The language of Studio's window; it changes when Studio starts again</source>
            <translation>Язык окна Studio; меняется при следующем запуске</translation>
        </message>
        <message>
            <location line="+2" />
            <source>As the system (%1)</source>
            <translation>Как в системе (%1)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Takes effect when Studio starts again.</source>
            <translation>Вступит в силу при следующем запуске Studio.</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <location filename="../../ui/money/ledger_dialog.py" line="+51" />
            <source>Spend</source>
            <translation>Расходы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend ledger</source>
            <translation>Журнал расходов</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reading the job history…</source>
            <translation>Читаем историю заданий…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Spend summary</source>
            <translation>Сводка расходов</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Only this project</source>
            <translation>Только этот проект</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show only this project's jobs</source>
            <translation>Показывать только задания этого проекта</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Project budget</source>
            <translation>Бюджет проекта</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The most this project may spend in total; 0 means no budget.</source>
            <translation>Сколько всего может потратить этот проект; 0 — без бюджета.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No budget</source>
            <translation>Без бюджета</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set budget</source>
            <translation>Задать бюджет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the project budget</source>
            <translation>Задать бюджет проекта</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Budget of “{title}”:</source>
            <translation>Бюджет «{title}»:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No project open</source>
            <translation>Проект не открыт</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Ledger views</source>
            <translation>Представления журнала</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+2" />
            <source>Project</source>
            <translation>Проект</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Billing</source>
            <translation>Оплата</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Стоимость</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>Причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Budget</source>
            <translation>Бюджет</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+2" />
            <source>Counted</source>
            <translation>Учтено</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+2" />
            <source>Billed</source>
            <translation>Оплачено</translation>
        </message>
        <message>
            <location line="-1" />
            <location line="+1" />
            <source>In flight</source>
            <translation>В работе</translation>
        </message>
        <message>
            <location line="-1" />
            <location line="+2" />
            <source>May be billed</source>
            <translation>Может быть списано</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+2" />
            <source>Not billed</source>
            <translation>Не оплачено</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Day</source>
            <translation>День</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Per job</source>
            <translation>По заданиям</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Per project</source>
            <translation>По проектам</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Per day</source>
            <translation>По дням</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The ledger per job, per project and per day</source>
            <translation>Журнал по заданиям, проектам и дням</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jobs and their cost</source>
            <translation>Задания и их стоимость</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One row per job: when, project, model, billing, cost and reason</source>
            <translation>По строке на задание: когда, проект, модель, оплата, стоимость и причина</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend per project</source>
            <translation>Расходы по проектам</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Each project's budget and what it spent</source>
            <translation>Бюджет каждого проекта и его расходы</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend per day</source>
            <translation>Расходы по дням</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What was spent on each day</source>
            <translation>Сколько потрачено за каждый день</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Billed: the clip was delivered. In flight: counted at its quote until it ends. May be billed: the provider took the job, then it failed or was cancelled. Not billed: it ended before the provider took it.</source>
            <translation>Оплачено: клип получен. В работе: учитывается по смете, пока не завершится. Может быть списано: провайдер принял задание, потом оно завершилось ошибкой или было отменено. Не оплачено: задание завершилось до того, как провайдер его принял.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the ledger again</source>
            <translation>Перечитать журнал</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Billed {billed} · in flight {flight} · may be billed {maybe} · %n job(s) not billed</source>
            <translation>
                <numerusform>Оплачено {billed} · в работе {flight} · может быть списано {maybe} · %n задание не оплачено</numerusform>
                <numerusform>Оплачено {billed} · в работе {flight} · может быть списано {maybe} · %n задания не оплачено</numerusform>
                <numerusform>Оплачено {billed} · в работе {flight} · может быть списано {maybe} · %n заданий не оплачено</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location line="+0" />
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <location line="+7" />
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n задание</numerusform>
                <numerusform>%n задания</numerusform>
                <numerusform>%n заданий</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>billed</source>
            <translation>оплачено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>in flight</source>
            <translation>в работе</translation>
        </message>
        <message>
            <location line="+1" />
            <source>may be billed</source>
            <translation>может быть списано</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not billed</source>
            <translation>не оплачено</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+90" />
            <location line="+262" />
            <source>Studio</source>
            <translation>Studio</translation>
        </message>
        <message>
            <location line="-249" />
            <source>Loading the project and the jobs…</source>
            <translation>Загружаем проект и задания…</translation>
        </message>
        <message>
            <location line="+78" />
            <source>&amp;New project…</source>
            <translation>&amp;Новый проект…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start a new project</source>
            <translation>Начать новый проект</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open project…</source>
            <translation>&amp;Открыть проект…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open a project folder</source>
            <translation>Открыть папку проекта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>&amp;Сохранить</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the project (Ctrl+S)</source>
            <translation>Сохранить проект (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;as…</source>
            <translation>Сохранить &amp;как…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export video…</source>
            <translation>&amp;Экспорт видео…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export the finished video</source>
            <translation>Экспортировать готовое видео</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export &amp;timeline…</source>
            <translation>Экспорт &amp;монтажного листа…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the cut as an OpenTimelineIO, FCPXML or EDL timeline for an editor</source>
            <translation>Записать монтаж как OpenTimelineIO, FCPXML или EDL для монтажной программы</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Se&amp;ttings…</source>
            <translation>Нас&amp;тройки…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Keys, providers, budget</source>
            <translation>Ключи, провайдеры, бюджет</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>&amp;Выход</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Undo</source>
            <translation>&amp;Отменить</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Redo</source>
            <translation>&amp;Повторить</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Add shot</source>
            <translation>&amp;Добавить сцену</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add a shot after the selected one</source>
            <translation>Добавить сцену после выбранной</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Duplicate shot</source>
            <translation>Ду&amp;блировать сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>De&amp;lete shot</source>
            <translation>&amp;Удалить сцену</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Generate shot</source>
            <translation>&amp;Сгенерировать сцену</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Generate the selected shot (Ctrl+Enter)</source>
            <translation>Сгенерировать выбранную сцену (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Generate &amp;missing shots</source>
            <translation>Сгенерировать &amp;недостающие</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate every shot without a take, honouring continuity</source>
            <translation>Сгенерировать все сцены без дублей с учётом связности</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Preview the cut</source>
            <translation>&amp;Просмотр монтажа</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play the chosen takes in order</source>
            <translation>Воспроизвести выбранные дубли по порядку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Сочетания клавиш</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Studio</source>
            <translation>&amp;О программе Studio</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the &amp;data folder</source>
            <translation>Открыть папку &amp;данных</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reset layout</source>
            <translation>С&amp;бросить расположение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;pend and budget…</source>
            <translation>&amp;Расходы и бюджет…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What ran and what it cost, per job, project and day; the project's budget</source>
            <translation>Что запускалось и сколько стоило — по заданиям, проектам и дням; бюджет проекта</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Go to %1</source>
            <translation>Перейти: %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open &amp;recent</source>
            <translation>&amp;Последние</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Edit</source>
            <translation>&amp;Правка</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Generate</source>
            <translation>&amp;Генерация</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Main</source>
            <translation>Основная</translation>
        </message>
        <message>
            <location line="+6" />
            <source>New project</source>
            <translation>Новый</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open project</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add shot</source>
            <translation>Добавить сцену</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Generate shot</source>
            <translation>Сгенерировать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate missing shots</source>
            <translation>Недостающие</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview the cut</source>
            <translation>Монтаж</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export video</source>
            <translation>Экспорт</translation>
        </message>
        <message>
            <location line="+68" />
            <source>No project open</source>
            <translation>Проект не открыт</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1[*] — Studio</source>
            <translation>%1[*] — Studio</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unsaved changes</source>
            <translation>есть несохранённые изменения</translation>
        </message>
        <message>
            <location line="+11" />
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Project cost %1  ·  last 24 h %2  ·  %3 in the cut</source>
            <translation>Проект: %1  ·  за 24 ч: %2  ·  в монтаже %3</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Clear the list</source>
            <translation>Очистить список</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Select a shot first.</source>
            <translation>Сначала выберите сцену.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>This shot has no take yet; press Generate.</source>
            <translation>У этой сцены ещё нет дубля; нажмите «Сгенерировать».</translation>
        </message>
        <message>
            <location line="+15" />
            <source>No shot has a take yet.</source>
            <translation>Ни у одной сцены пока нет дубля.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Settings are not available in this build.</source>
            <translation>В этой сборке настройки недоступны.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Export is not available in this build.</source>
            <translation>В этой сборке экспорт недоступен.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>About Studio</source>
            <translation>О программе Studio</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&lt;b&gt;Studio&lt;/b&gt;&lt;br&gt;Plan, generate, preview and export short AI videos.</source>
            <translation>&lt;b&gt;Studio&lt;/b&gt;&lt;br&gt;Планируйте, генерируйте, просматривайте и экспортируйте короткие ИИ-видео.</translation>
        </message>
    </context>
    <context>
        <name>ModelStatus</name>
        <message>
            <location filename="../../ui/model_status.py" line="-53" />
            <source>live</source>
            <translation>доступна</translation>
        </message>
        <message>
            <location line="+1" />
            <source>paused</source>
            <translation>приостановлена</translation>
        </message>
        <message>
            <location line="+1" />
            <source>retired</source>
            <translation>снята</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1 since %2</source>
            <translation>%1 с %2</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(try %1)</source>
            <translation>(попробуйте %1)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1/s</source>
            <translation>%1/с</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1 in steps of %2</source>
            <translation>%1 с шагом %2</translation>
        </message>
        <message>
            <location line="+9" />
            <source>If it does run, it is charged like any other job (%1).</source>
            <translation>Если задание всё же выполнится, оно оплачивается как обычно (%1).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is %2.</source>
            <translation>%1: %2.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The provider will most likely refuse it, and Studio will say why.</source>
            <translation>Скорее всего, провайдер откажет, и Studio объяснит причину.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send it anyway?</source>
            <translation>Всё равно отправить?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send to a paused model?</source>
            <translation>Отправить приостановленной модели?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Send to a retired model?</source>
            <translation>Отправить снятой модели?</translation>
        </message>
    </context>
    <context>
        <name>MoneyMixin</name>
        <message>
            <location filename="../../ui/window_money.py" line="+68" />
            <source>Nothing was sent.</source>
            <translation>Ничего не отправлено.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>The project has no budget now.</source>
            <translation>Теперь у проекта нет бюджета.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The project's budget is now {amount}.</source>
            <translation>Бюджет проекта теперь {amount}.</translation>
        </message>
    </context>
    <context>
        <name>ParamPanel</name>
        <message>
            <location filename="../../ui/editor/params.py" line="+89" />
            <source>How long the generated clip is</source>
            <translation>Длительность создаваемого клипа</translation>
        </message>
        <message>
            <location line="+11" />
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Duration</source>
            <translation>Длительность</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The clip's shape: width to height</source>
            <translation>Форма клипа: отношение ширины к высоте</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Aspect</source>
            <translation>Формат</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The clip's size in lines; larger costs more with some models</source>
            <translation>Размер клипа в строках; у некоторых моделей больший стоит дороже</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Resolution</source>
            <translation>Разрешение</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Generate sound</source>
            <translation>Генерировать звук</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 always makes sound.</source>
            <translation>%1 всегда создаёт звук.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Audio</source>
            <translation>Звук</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Fixed</source>
            <translation>Фиксированный</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off: a new random seed each time. On: repeatable results.</source>
            <translation>Выкл.: каждый раз новый случайный сид. Вкл.: повторяемый результат.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Seed</source>
            <translation>Сид</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../ui/preview/pane.py" line="+48" />
            <source>No Qt Multimedia backend here: showing frames only, without sound.</source>
            <translation>Qt Multimedia недоступен: показываются только кадры, без звука.</translation>
        </message>
        <message>
            <location line="+59" />
            <location line="+156" />
            <source>No clip selected.</source>
            <translation>Клип не выбран.</translation>
        </message>
        <message>
            <location line="-141" />
            <location line="+366" />
            <source>Play (Space)</source>
            <translation>Воспроизвести (Пробел)</translation>
        </message>
        <message>
            <location line="-361" />
            <source>Previous frame (Left)</source>
            <translation>Предыдущий кадр (←)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Next frame (Right)</source>
            <translation>Следующий кадр (→)</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+2" />
            <location line="+303" />
            <source>Mute</source>
            <translation>Выключить звук</translation>
        </message>
        <message>
            <location line="-267" />
            <source>Play or pause</source>
            <translation>Воспроизведение или пауза</translation>
        </message>
        <message>
            <location line="-58" />
            <location line="+59" />
            <source>Previous frame</source>
            <translation>Предыдущий кадр</translation>
        </message>
        <message>
            <location line="-81" />
            <source>Preview picture</source>
            <translation>Изображение просмотра</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Play</source>
            <translation>Воспроизвести</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play or pause the clip (Space)</source>
            <translation>Воспроизвести клип или поставить на паузу (Пробел)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>One frame back (Left)</source>
            <translation>На кадр назад (←)</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+54" />
            <source>Next frame</source>
            <translation>Следующий кадр</translation>
        </message>
        <message>
            <location line="-54" />
            <source>One frame forward (Right)</source>
            <translation>На кадр вперёд (→)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Position</source>
            <translation>Позиция</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where the playhead is in the clip or cut</source>
            <translation>Где находится курсор воспроизведения в клипе или монтаже</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Turn the sound off or on</source>
            <translation>Выключить или включить звук</translation>
        </message>
        <message>
            <location line="+111" />
            <source>Loading…</source>
            <translation>Загрузка…</translation>
        </message>
        <message>
            <location line="+128" />
            <source>{problem}{more}; skipping it.</source>
            <translation>{problem}{more}; пропускаем.</translation>
        </message>
        <message numerus="yes">
            <location line="-1" />
            <source> (and %n more)</source>
            <translation>
                <numerusform> (и ещё %n)</numerusform>
                <numerusform> (и ещё %n)</numerusform>
                <numerusform> (и ещё %n)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>No sound device was found: playing without sound.</source>
            <translation>Звуковое устройство не найдено: воспроизведение без звука.</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Nothing to play.</source>
            <translation>Воспроизводить нечего.</translation>
        </message>
        <message>
            <location line="+77" />
            <source>Unmute</source>
            <translation>Включить звук</translation>
        </message>
        <message>
            <location line="+17" />
            <source>frame %1 at %2 fps</source>
            <translation>кадр %1 при %2 кадр/с</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Clip %1 of %2</source>
            <translation>Клип %1 из %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Pause (Space)</source>
            <translation>Пауза (Пробел)</translation>
        </message>
    </context>
    <context>
        <name>ProjectController</name>
        <message>
            <location filename="../../ui/project_actions.py" line="+135" />
            <source>No project</source>
            <translation>Нет проекта</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Untitled</source>
            <translation>Без названия</translation>
        </message>
        <message>
            <location line="+58" />
            <source>%1 could not be opened.</source>
            <translation>Не удалось открыть %1.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Recovered unsaved changes from the recovery copy. Save to keep them.</source>
            <translation>Несохранённые изменения восстановлены из резервной копии. Сохраните, чтобы не потерять их.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Opened %1.</source>
            <translation>Открыт проект %1.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Untitled project</source>
            <translation>Проект без названия</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Created %1 in %2.</source>
            <translation>Проект %1 создан в %2.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Opened the sample project: it runs offline on the animatic model. Press Generate missing.</source>
            <translation>Открыт пример проекта: он работает офлайн на модели-аниматике. Нажмите «Сгенерировать недостающие».</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Saved %1.</source>
            <translation>Проект %1 сохранён.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 already exists and is not empty; pick a new folder name.</source>
            <translation>%1 уже существует и не пуста; выберите другое имя папки.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Saved as %1.</source>
            <translation>Сохранено как %1.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Autosave failed: %1</source>
            <translation>Автосохранение не удалось: %1</translation>
        </message>
    </context>
    <context>
        <name>PromptEditor</name>
        <message>
            <location filename="../../ui/editor/prompt_editor.py" line="+97" />
            <source>Shot editor</source>
            <translation>Редактор сцены</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The selected shot's model, prompt, images and parameters</source>
            <translation>Модель, промпт, изображения и параметры выбранной сцены</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+190" />
            <source>No shot selected</source>
            <translation>Сцена не выбрана</translation>
        </message>
        <message>
            <location line="-184" />
            <location line="+3" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The video model for this shot, with its price and status</source>
            <translation>Видеомодель для этой сцены, её цена и статус</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Status: %1</source>
            <translation>Статус: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+7" />
            <source>Prompt</source>
            <translation>Промпт</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What the shot shows: subject, action, camera, light, mood. Ctrl+Enter generates.</source>
            <translation>Что показывает сцена: объект, действие, камера, свет, настроение. Ctrl+Enter запускает генерацию.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Describe the shot: subject, action, camera, light, mood…</source>
            <translation>Опишите сцену: объект, действие, камера, свет, настроение…</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+2" />
            <source>Negative prompt</source>
            <translation>Негативный промпт</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What the model should avoid (optional)</source>
            <translation>Чего модели следует избегать (необязательно)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What to avoid (optional)</source>
            <translation>Чего избегать (необязательно)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Images</source>
            <translation>Изображения</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+6" />
            <source>Fit</source>
            <translation>Подгонка</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Crop to fill</source>
            <translation>Обрезать с заполнением</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pad (letterbox)</source>
            <translation>Поля (леттербокс)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How a first or last frame is fitted to the model's exact size</source>
            <translation>Как первый или последний кадр подгоняется под точный размер модели</translation>
        </message>
        <message>
            <location line="+10" />
            <source>First frame</source>
            <translation>Первый кадр</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last frame</source>
            <translation>Последний кадр</translation>
        </message>
        <message>
            <location line="+0" />
            <source>References</source>
            <translation>Референсы</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The first frame, exactly as it will be sent, appears here.</source>
            <translation>Здесь появится первый кадр в точности таким, каким он будет отправлен.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Parameters</source>
            <translation>Параметры</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Generate</source>
            <translation>Сгенерировать</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+202" />
            <source>Generate this shot (Ctrl+Enter)</source>
            <translation>Сгенерировать эту сцену (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="-136" />
            <source>No project open</source>
            <translation>Проект не открыт</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Shot %1</source>
            <translation>Сцена %1</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%1 is not in the catalog. Pick another model.</source>
            <translation>%1 нет в каталоге. Выберите другую модель.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>This model</source>
            <translation>Этой модели</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is %2. Generate asks before sending it.</source>
            <translation>%1: %2. Перед отправкой будет задан вопрос.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 takes no %2.</source>
            <translation>%1 не принимает: %2.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>References (up to %1)</source>
            <translation>Референсы (до %1)</translation>
        </message>
        <message numerus="yes">
            <location line="+34" />
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n символ</numerusform>
                <numerusform>%n символа</numerusform>
                <numerusform>%n символов</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>This shot's model is not in the catalog; pick another model.</source>
            <translation>Модели этой сцены нет в каталоге; выберите другую.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Cannot generate yet</source>
            <translation>Пока нельзя сгенерировать</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The first frame was fitted to %1; it is refitted to %2.</source>
            <translation>Первый кадр был подогнан под %1; он будет подогнан заново под %2.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Free (offline animatic)</source>
            <translation>Бесплатно (офлайн-аниматик)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Free</source>
            <translation>Бесплатно</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 is %2; Studio asks first.</source>
            <translation>%1: %2; Studio сначала спросит.</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Change model to %1</source>
            <translation>Сменить модель на %1</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Clear %1</source>
            <translation>Очистить: %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Accept assistant prompt</source>
            <translation>Принять промпт ассистента</translation>
        </message>
    </context>
    <context>
        <name>Prompter</name>
        <message>
            <location filename="../../ui/project_actions.py" line="-290" />
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the changes to “%1”?</source>
            <translation>Сохранить изменения в «%1»?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your changes are lost if you don't save them.</source>
            <translation>Если не сохранить, изменения будут потеряны.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Recover unsaved work?</source>
            <translation>Восстановить несохранённую работу?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio did not close normally while “%1” had unsaved changes.

Restore them from the recovery copy? (No keeps the last saved version.)</source>
            <translation>Studio закрылась некорректно, когда в «%1» были несохранённые изменения.

Восстановить их из резервной копии? («Нет» оставит последнюю сохранённую версию.)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open a project folder</source>
            <translation>Открыть папку проекта</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New project</source>
            <translation>Новый проект</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Project name:</source>
            <translation>Название проекта:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save project as (a new folder)</source>
            <translation>Сохранить проект как (новая папка)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Project</source>
            <translation>Проект</translation>
        </message>
    </context>
    <context>
        <name>ProviderPage</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="-303" />
            <source>Sora 2 through OpenAI's Videos API, which OpenAI shut down on 2026-09-24: to use it, set the base URL to a compatible gateway (the API root, ending in /v1). The prompt assistant uses the same key, and this address unless the Assistant tab sets its own.</source>
            <translation>Sora 2 через Videos API от OpenAI, который OpenAI закрыла 24.09.2026: чтобы пользоваться им, укажите базовый URL совместимого шлюза (корень API, оканчивается на /v1). Ассистент промптов использует тот же ключ и этот адрес, если на вкладке «Ассистент» не задан свой.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kie.ai's market jobs API (Kling; Sora 2 is paused there). Images are uploaded to Kie's file host first; the base URL replaces that host too, unless STUDIO_KIE_UPLOAD_BASE_URL is set.</source>
            <translation>API заданий маркетплейса Kie.ai (Kling; Sora 2 там приостановлена). Изображения сначала загружаются на файловый хост Kie; базовый URL заменяет и этот хост, если не задана STUDIO_KIE_UPLOAD_BASE_URL.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>API key</source>
            <translation>Ключ API</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Paste a new %1 key</source>
            <translation>Вставьте новый ключ %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save key</source>
            <translation>Сохранить ключ</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the key from the keyring</source>
            <translation>Удалить ключ из хранилища</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Stored in the system keyring (%1); never written to disk by Studio.</source>
            <translation>Хранится в системном хранилище ключей (%1); Studio никогда не пишет его на диск.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Connection</source>
            <translation>Подключение</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The provider's own address</source>
            <translation>Собственный адрес провайдера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>For a proxy or a compatible gateway; leave empty for the provider's own API</source>
            <translation>Для прокси или совместимого шлюза; оставьте пустым для собственного API провайдера</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base URL</source>
            <translation>Базовый URL</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is set and wins over this field: %2</source>
            <translation>Задана переменная %1, она важнее этого поля: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The model a new shot starts with when this provider is chosen</source>
            <translation>Модель, с которой начинается новая сцена, если выбран этот провайдер</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(no preference)</source>
            <translation>(без предпочтений)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Default model</source>
            <translation>Модель по умолчанию</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Test connection</source>
            <translation>Проверить подключение</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saves the key and address above, then asks the provider whether they work</source>
            <translation>Сохраняет ключ и адрес выше и спрашивает провайдера, работают ли они</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Saved: %1</source>
            <translation>Сохранён: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the environment</source>
            <translation>окружения</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From %1: %2</source>
            <translation>Из %1: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No key set.</source>
            <translation>Ключ не задан.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The key was not saved: %1</source>
            <translation>Ключ не сохранён: %1</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Asking %1…</source>
            <translation>Запрос к %1…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The key works.</source>
            <translation>Ключ работает.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✓ Connected. %1.</source>
            <translation>✓ Подключено. %1.</translation>
        </message>
    </context>
    <context>
        <name>QuoteDialog</name>
        <message>
            <location filename="../../ui/money/quote_dialog.py" line="+39" />
            <location line="+1" />
            <source>Quote for this run</source>
            <translation>Смета этого запуска</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Run total</source>
            <translation>Итого за запуск</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+73" />
            <source>Generations in this run</source>
            <translation>Генерации в этом запуске</translation>
        </message>
        <message>
            <location line="-72" />
            <source>One row per generation: the shot, its model, seconds, cost and what it waits for</source>
            <translation>По строке на генерацию: сцена, её модель, секунды, стоимость и чего она ждёт</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Order of the run</source>
            <translation>Порядок запуска</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Budget and cap</source>
            <translation>Бюджет и лимит</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Accept the unknown price</source>
            <translation>Принять неизвестную цену</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run is enabled only after you accept that part of the price is unknown.</source>
            <translation>Запуск станет доступен, только когда вы примете, что часть цены неизвестна.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Run even though the price of %n generation(s) is unknown</source>
            <translation>
                <numerusform>Запустить, хотя цена %n генерации неизвестна</numerusform>
                <numerusform>Запустить, хотя цена %n генераций неизвестна</numerusform>
                <numerusform>Запустить, хотя цена %n генераций неизвестна</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Run</source>
            <translation>Запустить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the storyboard</source>
            <translation>Запустить раскадровку</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel the run</source>
            <translation>Отменить запуск</translation>
        </message>
        <message numerus="yes">
            <location line="+29" />
            <source>%n generation(s) · total unknown (known part {known})</source>
            <translation>
                <numerusform>%n генерация · итог неизвестен (известная часть {known})</numerusform>
                <numerusform>%n генерации · итог неизвестен (известная часть {known})</numerusform>
                <numerusform>%n генераций · итог неизвестен (известная часть {known})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n generation(s) · total {total}</source>
            <translation>
                <numerusform>%n генерация · итого {total}</numerusform>
                <numerusform>%n генерации · итого {total}</numerusform>
                <numerusform>%n генераций · итого {total}</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Shot</source>
            <translation>Сцена</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Seconds</source>
            <translation>Секунды</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cost</source>
            <translation>Стоимость</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Waits for</source>
            <translation>Ждёт</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Starts</source>
            <translation>Начинается</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{shot} · take {take} of {takes}</source>
            <translation>{shot} · дубль {take} из {takes}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location line="+1" />
            <source>at once</source>
            <translation>сразу</translation>
        </message>
        <message>
            <location line="+0" />
            <source>step {step}</source>
            <translation>шаг {step}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Order:</source>
            <translation>Порядок:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{shot}, after {previous}</source>
            <translation>{shot}, после {previous}</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{shots}, at once</source>
            <translation>{shots}, одновременно</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{number}. {step}</source>
            <translation>{number}. {step}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Project budget {limit}: {spent} spent or in flight, {left} left.</source>
            <translation>Бюджет проекта {limit}: потрачено или в работе {spent}, осталось {left}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run costs more than is left; shots past the budget are refused before they are sent.</source>
            <translation>Этот запуск стоит больше, чем осталось; сцены сверх бюджета будут отклонены до отправки.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>24-hour cap {limit}: {spent} spent, {left} left.</source>
            <translation>Лимит на 24 часа {limit}: потрачено {spent}, осталось {left}.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run costs more than the cap leaves; shots past it are refused before they are sent.</source>
            <translation>Этот запуск стоит больше, чем позволяет лимит; сцены сверх него будут отклонены до отправки.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>{shot}: {why}</source>
            <translation>{shot}: {why}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="+128" />
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Settings pages</source>
            <translation>Разделы настроек</translation>
        </message>
        <message>
            <location line="+0" />
            <source>General, one page per provider, and the assistant</source>
            <translation>Общие, по странице на провайдера и ассистент</translation>
        </message>
        <message>
            <location line="+1" />
            <source>General</source>
            <translation>Общие</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Assistant</source>
            <translation>Ассистент</translation>
        </message>
        <message>
            <location line="+7" />
            <source>⚠ No keyring service was found (%1): Studio cannot store keys. Set them as environment variables instead; each provider's tab says which.</source>
            <translation>⚠ Служба хранения ключей не найдена (%1): Studio не может сохранять ключи. Задайте их переменными окружения; на вкладке каждого провайдера указано, какими.</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../ui/shortcuts.py" line="+77" />
            <source>Window</source>
            <translation>Окно</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location line="+28" />
            <location line="+1" />
            <location line="+6" />
            <source>Keyboard shortcuts</source>
            <translation>Сочетания клавиш</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Every command is also in a menu (Alt and the underlined letter opens it). Tab and Shift+Tab move between controls; Alt+1 to Alt+5 go to a panel.</source>
            <translation>Каждая команда есть и в меню (его открывает Alt с подчёркнутой буквой). Tab и Shift+Tab переходят между элементами; Alt+1…Alt+5 — к панелям.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Keys</source>
            <translation>Клавиши</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Command</source>
            <translation>Команда</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where</source>
            <translation>Где</translation>
        </message>
        <message>
            <location line="+2" />
            <source>One row per shortcut: the keys, what they do and where they work</source>
            <translation>По строке на сочетание: клавиши, действие и где оно работает</translation>
        </message>
    </context>
    <context>
        <name>ShotJob</name>
        <message>
            <location filename="../../ui/window_generation.py" line="-182" />
            <source>queued</source>
            <translation>в очереди</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sending</source>
            <translation>отправка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>submitted</source>
            <translation>отправлено</translation>
        </message>
        <message>
            <location line="+1" />
            <source>generating</source>
            <translation>генерация</translation>
        </message>
        <message>
            <location line="+1" />
            <source>downloading</source>
            <translation>загрузка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>needs attention</source>
            <translation>требует внимания</translation>
        </message>
        <message>
            <location line="+1" />
            <source>failed</source>
            <translation>ошибка</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>waiting</source>
            <translation>ожидание</translation>
        </message>
        <message>
            <location line="-2" />
            <source>cancelled</source>
            <translation>отменено</translation>
        </message>
    </context>
    <context>
        <name>ShotListModel</name>
        <message>
            <location filename="../../ui/storyboard/model.py" line="+57" />
            <source>Shot %1</source>
            <translation>Сцена %1</translation>
        </message>
    </context>
    <context>
        <name>StorySplitDialog</name>
        <message>
            <location filename="../../ui/storyboard/story_split.py" line="+52" />
            <source>Split a story into shots</source>
            <translation>Разбить историю на сцены</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+54" />
            <source>Story</source>
            <translation>История</translation>
        </message>
        <message>
            <location line="-51" />
            <source>Write or paste the story. Each shot gets one camera setup and one main action.</source>
            <translation>Напишите или вставьте историю. В каждой сцене — одна позиция камеры и одно главное действие.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+47" />
            <location line="+2" />
            <source>Shots</source>
            <translation>Сцены</translation>
        </message>
        <message>
            <location line="-41" />
            <location line="+40" />
            <source>Model</source>
            <translation>Модель</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Split</source>
            <translation>Разбить</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Title</source>
            <translation>Название</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Length</source>
            <translation>Длина</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Continuity</source>
            <translation>Связность</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scene</source>
            <translation>Обстановка</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The selected shot's full prompt appears here.</source>
            <translation>Здесь появится полный промпт выбранной сцены.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The story to split; each shot gets one camera setup and one main action</source>
            <translation>История для разбиения; в каждой сцене одна позиция камеры и одно главное действие</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many shots to split the story into</source>
            <translation>На сколько сцен разбить историю</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The video model the shots are written for</source>
            <translation>Видеомодель, для которой пишутся сцены</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The shots the split made: title, length, continuity and scene</source>
            <translation>Сцены, полученные при разбиении: название, длина, связность и обстановка</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prompt</source>
            <translation>Промпт</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The selected shot's full prompt</source>
            <translation>Полный промпт выбранной сцены</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add shots</source>
            <translation>Добавить сцены</translation>
        </message>
        <message>
            <location line="+18" />
            <source>sound</source>
            <translation>со звуком</translation>
        </message>
        <message>
            <location line="+0" />
            <source>silent</source>
            <translation>без звука</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Splitting…</source>
            <translation>Разбиваем…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Splitting with the %1, then checking continuity…</source>
            <translation>Разбивает %1, затем проверяем связность…</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n shot(s) from the offline builder (split by sentences).</source>
            <translation>
                <numerusform>%n сцена от офлайн-конструктора (по предложениям).</numerusform>
                <numerusform>%n сцены от офлайн-конструктора (по предложениям).</numerusform>
                <numerusform>%n сцен от офлайн-конструктора (по предложениям).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s) from the assistant, after a continuity pass.</source>
            <translation>
                <numerusform>%n сцена от ассистента, связность проверена.</numerusform>
                <numerusform>%n сцены от ассистента, связность проверена.</numerusform>
                <numerusform>%n сцен от ассистента, связность проверена.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Style</source>
            <translation>Стиль</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Palette</source>
            <translation>Палитра</translation>
        </message>
        <message>
            <location line="+5" />
            <source>chained ⟵ previous</source>
            <translation>цепочкой ⟵ предыдущая</translation>
        </message>
        <message>
            <location line="+0" />
            <source>independent</source>
            <translation>независимо</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>Add %n shot(s)</source>
            <translation>
                <numerusform>Добавить %n сцену</numerusform>
                <numerusform>Добавить %n сцены</numerusform>
                <numerusform>Добавить %n сцен</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StoryboardPanel</name>
        <message>
            <location filename="../../ui/storyboard/panel.py" line="+68" />
            <source>Add shot</source>
            <translation>Добавить сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a shot after the selected one (Ctrl+Shift+N)</source>
            <translation>Добавить сцену после выбранной (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate</source>
            <translation>Дублировать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate missing</source>
            <translation>Сгенерировать недостающие</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate every shot that has no take yet, honouring continuity</source>
            <translation>Сгенерировать все сцены без дублей с учётом связности</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Split story…</source>
            <translation>Разбить историю…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write shots from a story, with a continuity pass</source>
            <translation>Написать сцены по истории с проверкой связности</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Timeline zoom</source>
            <translation>Масштаб таймлайна</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How wide a second of video is drawn on the timeline</source>
            <translation>Ширина одной секунды видео на таймлайне</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoom (Ctrl+wheel on the timeline)</source>
            <translation>Масштаб (Ctrl+колесо на таймлайне)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Takes each Generate and Generate missing makes, and on which models</source>
            <translation>Сколько дублей делает каждая генерация и на каких моделях</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Zoom</source>
            <translation>Масштаб</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Timeline</source>
            <translation>Таймлайн</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The shots in cut order</source>
            <translation>Сцены в порядке монтажа</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Compare…</source>
            <translation>Сравнить…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compare the shot's takes</source>
            <translation>Сравнить дубли сцены</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play the shot's takes side by side and choose one</source>
            <translation>Воспроизвести дубли сцены рядом и выбрать один</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete take</source>
            <translation>Удалить дубль</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete the chosen take</source>
            <translation>Удалить выбранный дубль</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the chosen take from the shot; its clip stays in History</source>
            <translation>Убрать выбранный дубль из сцены; его клип остаётся в истории</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Crossfade length</source>
            <translation>Длина наплыва</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How long the crossfade into this shot lasts, up to the shorter of the two shots</source>
            <translation>Сколько длится наплыв в эту сцену — не дольше более короткой из двух сцен</translation>
        </message>
        <message>
            <location line="+7" />
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+17" />
            <source>Take</source>
            <translation>Дубль</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+17" />
            <source>Continuity</source>
            <translation>Связность</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+17" />
            <source>Transition in</source>
            <translation>Переход</translation>
        </message>
        <message>
            <location line="-16" />
            <source>for</source>
            <translation>длиной</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+16" />
            <source>Trim in</source>
            <translation>Обрезка: начало</translation>
        </message>
        <message>
            <location line="-15" />
            <source>out</source>
            <translation>конец</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Which of the selected shot's takes goes into the cut</source>
            <translation>Какой дубль выбранной сцены идёт в монтаж</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How the selected shot starts from the one before it</source>
            <translation>Как выбранная сцена начинается от предыдущей</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cut or crossfade from the previous shot</source>
            <translation>Склейка или наплыв от предыдущей сцены</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Seconds cut from the start of the chosen take</source>
            <translation>Сколько секунд отрезать от начала выбранного дубля</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trim out</source>
            <translation>Обрезка: конец</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where the chosen take ends, in seconds</source>
            <translation>Где заканчивается выбранный дубль, в секундах</translation>
        </message>
        <message numerus="yes">
            <location line="+93" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n сцена</numerusform>
                <numerusform>%n сцены</numerusform>
                <numerusform>%n сцен</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n without a take</source>
            <translation>
                <numerusform>%n без дубля</numerusform>
                <numerusform>%n без дубля</numerusform>
                <numerusform>%n без дубля</numerusform>
            </translation>
        </message>
        <message>
            <location line="+34" />
            <source>No takes yet</source>
            <translation>Дублей пока нет</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Take %1 · %2</source>
            <translation>Дубль %1 · %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The first shot has no incoming transition.</source>
            <translation>У первой сцены нет входящего перехода.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How this shot follows the previous one</source>
            <translation>Как эта сцена следует за предыдущей</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+1" />
            <source>Generate a take first; trims apply to the chosen take.</source>
            <translation>Сначала сгенерируйте дубль: обрезка применяется к выбранному дублю.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Crossfade length: {low} up to {high} (the shorter of the two shots)</source>
            <translation>Длина наплыва: от {low} до {high} (по более короткой из двух сцен)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose a crossfade to set its length.</source>
            <translation>Выберите наплыв, чтобы задать его длину.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>The take was removed from the shot; its clip is still in the History library.</source>
            <translation>Дубль убран из сцены; его клип остаётся в истории.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Select a shot first.</source>
            <translation>Сначала выберите сцену.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>That clip is already a take of this shot.</source>
            <translation>Этот клип уже является дублем этой сцены.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The clip is now the shot's chosen take.</source>
            <translation>Теперь этот клип — выбранный дубль сцены.</translation>
        </message>
    </context>
    <context>
        <name>TakeTile</name>
        <message>
            <location filename="../../ui/compare/dialog.py" line="-264" />
            <source>Use this take</source>
            <translation>Взять этот дубль</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use this take in the cut</source>
            <translation>Использовать этот дубль в монтаже</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete take</source>
            <translation>Удалить дубль</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete this take</source>
            <translation>Удалить этот дубль</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Removes the take from the shot; its clip stays in the History library</source>
            <translation>Убирает дубль из сцены; его клип остаётся в истории</translation>
        </message>
    </context>
    <context>
        <name>TakesControls</name>
        <message>
            <location filename="../../ui/storyboard/takes_controls.py" line="+29" />
            <source>Takes</source>
            <translation>Дубли</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Takes per shot</source>
            <translation>Дублей на сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many takes each generation makes, on each chosen model</source>
            <translation>Сколько дублей делает каждая генерация на каждой выбранной модели</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many takes each Generate makes (per model)</source>
            <translation>Сколько дублей делает каждая генерация (на модель)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Models for the takes</source>
            <translation>Модели для дублей</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tick several models to make the takes on each of them (variations)</source>
            <translation>Отметьте несколько моделей, чтобы сделать дубли на каждой (варианты)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The shot's own model</source>
            <translation>Собственная модель сцены</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Shot's model</source>
            <translation>Модель сцены</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n take(s) of each shot on its own model</source>
            <translation>
                <numerusform>%n дубль каждой сцены на её модели</numerusform>
                <numerusform>%n дубля каждой сцены на её модели</numerusform>
                <numerusform>%n дублей каждой сцены на её модели</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n model(s)</source>
            <translation>
                <numerusform>%n модель</numerusform>
                <numerusform>%n модели</numerusform>
                <numerusform>%n моделей</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n take(s) on each of: {models}</source>
            <translation>
                <numerusform>%n дубль на каждой из: {models}</numerusform>
                <numerusform>%n дубля на каждой из: {models}</numerusform>
                <numerusform>%n дублей на каждой из: {models}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineCanvas</name>
        <message>
            <location filename="../../ui/storyboard/timeline.py" line="+98" />
            <source>Storyboard timeline</source>
            <translation>Таймлайн раскадровки</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shot cards in cut order. Left and Right select, Alt+Left and Alt+Right move the shot, Delete removes it, Ctrl+D duplicates it, Space plays or pauses the preview. Drop an image on a card for its first frame, or video clips between cards for new shots.</source>
            <translation>Карточки сцен в порядке монтажа. Стрелки влево и вправо выбирают, Alt+Влево и Alt+Вправо перемещают сцену, Delete удаляет, Ctrl+D дублирует, Пробел запускает или останавливает просмотр. Перетащите изображение на карточку, чтобы сделать его первым кадром, или видеоклипы между карточками, чтобы добавить сцены.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Select the previous shot</source>
            <translation>Выбрать предыдущую сцену</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Select the next shot</source>
            <translation>Выбрать следующую сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the shot left</source>
            <translation>Сдвинуть сцену влево</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Move the shot right</source>
            <translation>Сдвинуть сцену вправо</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the shot</source>
            <translation>Удалить сцену</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Duplicate the shot</source>
            <translation>Дублировать сцену</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview the shot</source>
            <translation>Просмотреть сцену</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play or pause the preview</source>
            <translation>Воспроизвести или остановить просмотр</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom the timeline</source>
            <translation>Масштабировать таймлайн</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Crossfade %1 — click for a cut</source>
            <translation>Наплыв %1 — щелчок сделает склейку</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cut — click for a crossfade</source>
            <translation>Склейка — щелчок сделает наплыв</translation>
        </message>
        <message>
            <location line="+136" />
            <source>Trim shot</source>
            <translation>Обрезать сцену</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Add shot</source>
            <translation>Добавить сцену</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Generate</source>
            <translation>Сгенерировать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation>Просмотр</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Take</source>
            <translation>Дубль</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Take %1 · %2 · %3</source>
            <translation>Дубль %1 · %2 · %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Compare takes…</source>
            <translation>Сравнить дубли…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Continuity</source>
            <translation>Связность</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Transition in</source>
            <translation>Переход</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Duplicate</source>
            <translation>Дублировать</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Shot %1</source>
            <translation>Сцена %1</translation>
        </message>
    </context>
    <context>
        <name>VertexPage</name>
        <message>
            <location filename="../../ui/settings/vertex.py" line="+27" />
            <source>Drop the service account's JSON key here, choose it, or paste its text</source>
            <translation>Перетащите сюда JSON-ключ сервисного аккаунта, выберите файл или вставьте его текст</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service account (JSON key)</source>
            <translation>Сервисный аккаунт (JSON-ключ)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose file…</source>
            <translation>Выбрать файл…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick the JSON key downloaded from the Google Cloud console</source>
            <translation>Выберите JSON-ключ, скачанный из консоли Google Cloud</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the key's own project</source>
            <translation>проект самого ключа</translation>
        </message>
        <message>
            <location line="+4" />
            <source>optional: gs://bucket/folder for results</source>
            <translation>необязательно: gs://бакет/папка для результатов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Without a bucket Vertex returns each video inline; with one it writes it there</source>
            <translation>Без бакета Vertex возвращает видео прямо в ответе; с бакетом — записывает его туда</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Project</source>
            <translation>Проект</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Location</source>
            <translation>Регион</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Output bucket</source>
            <translation>Бакет для результатов</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the service account the Vertex AI User role in this project.</source>
            <translation>Выдайте сервисному аккаунту роль Vertex AI User в этом проекте.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No service account set.</source>
            <translation>Сервисный аккаунт не задан.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved</source>
            <translation>Сохранён</translation>
        </message>
        <message>
            <location line="+0" />
            <source>From %1</source>
            <translation>Из %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 (project %3)</source>
            <translation>%1: %2 (проект %3)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 cannot be read.</source>
            <translation>Не удаётся прочитать %1.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Service-account JSON key</source>
            <translation>JSON-ключ сервисного аккаунта</translation>
        </message>
        <message>
            <location line="+0" />
            <source>JSON key (*.json)</source>
            <translation>JSON-ключ (*.json)</translation>
        </message>
    </context>
</TS>