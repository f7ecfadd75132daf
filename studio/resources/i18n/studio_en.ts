<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>App</name>
        <message numerus="yes">
            <location line="+19" />
            <source>Resumed %n unfinished job(s) from the last session.</source>
            <translation>
                <numerusform>Resumed %n unfinished job from the last session.</numerusform>
                <numerusform>Resumed %n unfinished jobs from the last session.</numerusform>
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
            <location line="+106" />
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
        <name>PreviewPane</name>
        <message numerus="yes">
            <location line="+10" />
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
            <location line="+72" />
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
</TS>