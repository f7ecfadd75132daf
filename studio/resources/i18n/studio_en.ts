<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>App</name>
        <message numerus="yes">
            <location line="+24" />
            <source>Resumed %n unfinished job(s) from the last session.</source>
            <translation>
                <numerusform>Resumed %n unfinished job from the last session.</numerusform>
                <numerusform>Resumed %n unfinished jobs from the last session.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message numerus="yes">
            <location line="+14" />
            <source>%n take(s)</source>
            <translation>
                <numerusform>%n take</numerusform>
                <numerusform>%n takes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <location line="+41" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n shot</numerusform>
                <numerusform>%n shots</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportTimeline</name>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n shot</numerusform>
                <numerusform>%n shots</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n crossfade(s)</source>
            <translation>
                <numerusform>%n crossfade</numerusform>
                <numerusform>%n crossfades</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GenerationMixin</name>
        <message numerus="yes">
            <location line="+3" />
            <source>Generating %n shot(s)…</source>
            <translation>
                <numerusform>Generating %n shot…</numerusform>
                <numerusform>Generating %n shots…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message numerus="yes">
            <location line="+20" />
            <source>%n job(s) (newest 200)</source>
            <translation>
                <numerusform>%n job (newest 200)</numerusform>
                <numerusform>%n jobs (newest 200)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JobMonitor</name>
        <message numerus="yes">
            <location line="+96" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n running</source>
            <translation>
                <numerusform>%n running</numerusform>
                <numerusform>%n running</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message numerus="yes">
            <location line="+38" />
            <source>Billed {billed} · in flight {flight} · may be billed {maybe} · %n job(s) not billed</source>
            <translation>
                <numerusform>Billed {billed} · in flight {flight} · may be billed {maybe} · %n job not billed</numerusform>
                <numerusform>Billed {billed} · in flight {flight} · may be billed {maybe} · %n jobs not billed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n job</numerusform>
                <numerusform>%n jobs</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message numerus="yes">
            <location line="+12" />
            <source> (and %n more)</source>
            <translation>
                <numerusform> (and %n more)</numerusform>
                <numerusform> (and %n more)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PromptEditor</name>
        <message numerus="yes">
            <location line="+34" />
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n character</numerusform>
                <numerusform>%n characters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>QuoteDialog</name>
        <message numerus="yes">
            <location line="+4" />
            <source>Run even though the price of %n generation(s) is unknown</source>
            <translation>
                <numerusform>Run even though the price of %n generation is unknown</numerusform>
                <numerusform>Run even though the price of %n generations is unknown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+29" />
            <source>%n generation(s) · total unknown (known part {known})</source>
            <translation>
                <numerusform>%n generation · total unknown (known part {known})</numerusform>
                <numerusform>%n generations · total unknown (known part {known})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n generation(s) · total {total}</source>
            <translation>
                <numerusform>%n generation · total {total}</numerusform>
                <numerusform>%n generations · total {total}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StorySplitDialog</name>
        <message numerus="yes">
            <location line="+14" />
            <source>%n shot(s) from the offline builder (split by sentences).</source>
            <translation>
                <numerusform>%n shot from the offline builder (split by sentences).</numerusform>
                <numerusform>%n shots from the offline builder (split by sentences).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s) from the assistant, after a continuity pass.</source>
            <translation>
                <numerusform>%n shot from the assistant, after a continuity pass.</numerusform>
                <numerusform>%n shots from the assistant, after a continuity pass.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>Add %n shot(s)</source>
            <translation>
                <numerusform>Add %n shot</numerusform>
                <numerusform>Add %n shots</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StoryboardPanel</name>
        <message numerus="yes">
            <location line="+93" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n shot</numerusform>
                <numerusform>%n shots</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n without a take</source>
            <translation>
                <numerusform>%n without a take</numerusform>
                <numerusform>%n without a take</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TakesControls</name>
        <message numerus="yes">
            <location line="+1" />
            <source>%n take(s) of each shot on its own model</source>
            <translation>
                <numerusform>%n take of each shot on its own model</numerusform>
                <numerusform>%n takes of each shot on its own model</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n model(s)</source>
            <translation>
                <numerusform>%n model</numerusform>
                <numerusform>%n models</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n take(s) on each of: {models}</source>
            <translation>
                <numerusform>%n take on each of: {models}</numerusform>
                <numerusform>%n takes on each of: {models}</numerusform>
            </translation>
        </message>
    </context>
</TS>