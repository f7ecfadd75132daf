<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
    <context>
        <name>App</name>
        <message>
            <location filename="../../app.py" line="+43" />
            <source>Studio cannot start</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+19" />
            <source>Resumed %n unfinished job(s) from the last session.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>AssistantPage</name>
        <message>
            <location filename="../../ui/settings/assistant_page.py" line="+43" />
            <source>OpenAI key (shared with OpenAI video models)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Paste an OpenAI key (a local server needs none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Save key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>Endpoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>OpenAI's API, or a local server such as http://localhost:11434/v1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1 is set and wins: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Always answer in English (some video models follow English better)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Try it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Applies the fields above, then asks for one prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>With no key and no address, the offline builder writes prompts from presets; nothing leaves this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Saved: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>From %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No key set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>The key was not saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>Asking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>No key and no address: the offline builder answers, so there is nothing to reach.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>✓ Works: %1 answered.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AssistantPanel</name>
        <message>
            <location filename="../../ui/editor/assistant_panel.py" line="+67" />
            <source>Assistant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Enhance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Turn your text into a structured prompt fitted to this model and duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Meme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>A funny take: short and portrait (9:16)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>From first frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+70" />
            <source>A prompt that animates the first frame; your text, if any, steers the action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-69" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Your text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Suggestion (edit before accepting)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Reject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Accept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Use the suggestion as this shot's prompt (one undo step)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+43" />
            <source>Drop a first frame (a selfie, say) on this shot first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+38" />
            <source>Writing with the %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Writing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Suggestion from the offline builder (add an OpenAI key in Settings, or a local server, for the assistant).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Suggestion from the assistant.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Accepting also sets %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>(empty)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>Suggestion accepted (Ctrl+Z undoes it).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CardPainting</name>
        <message>
            <location filename="../../ui/storyboard/cards.py" line="+104" />
            <source>No shots yet. Click “Add shot” to plan the first one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+57" />
            <source>Untitled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>No prompt yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>take %1/%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>no take</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="../../ui/storyboard/commands.py" line="+19" />
            <source>Add shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Add shots from story</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Duplicate shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Delete shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>Move shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+49" />
            <source>Choose take</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Remove take</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Edit prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Edit negative prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change aspect ratio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Toggle audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change seed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Set first frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Set last frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change references</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change continuity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change transition</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Trim shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Rename shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Change parameter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Edit shot</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Continuity</name>
        <message>
            <location filename="../../ui/storyboard/cards.py" line="-165" />
            <location line="+6" />
            <source>Independent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-5" />
            <source>Chained (from previous shot)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Bridged (first + last frame)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Chained</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Bridged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cut</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Crossfade</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export/dialog.py" line="+49" />
            <source>1080p landscape — 1920×1080</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>720p landscape — 1280×720</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Vertical 1080p — 1080×1920</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Vertical 720p — 720×1280</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Square — 1080×1080</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Custom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Draft — fast, larger artefacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Standard — good for sharing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>High — slower, best picture</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>Export — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Untitled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Project — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source> px</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>%1 fps (project)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>%1 fps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Frame rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Quality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>The MP4 file to write</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Save as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>What will happen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <location line="+111" />
            <location line="+11" />
            <source>Working out the plan…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-112" />
            <source>%p%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Cancel export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Open folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <location line="+238" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-165" />
            <source>Export as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>MP4 video (*.mp4)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+41" />
            <source>%n shot(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>, with sound.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>, silent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+27" />
            <source>Choose a file to export to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Exporting to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Replace file?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>%1 already exists. Replace it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>Exported %1 (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Exported %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>The export was cancelled; no file was written.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportTimeline</name>
        <message>
            <location filename="../../ui/export/timeline.py" line="+30" />
            <source>Export timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+25" />
            <source>Crossfades became cuts at their middle: add the dissolves in the editor.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n crossfade(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeline written to %1: %2, %3.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FitPreview</name>
        <message>
            <location filename="../../ui/editor/images.py" line="+288" />
            <location line="+16" />
            <source>No image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Drag the frame to choose what is sent.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <location filename="../../ui/i18n.py" line="+91" />
            <source>price unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <location line="+9" />
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="+294" />
            <source>Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Default model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Where Studio keeps its job database, clips and logs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Show the data folder in the file manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>To use another folder, start Studio with STUDIO_HOME set to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>No cap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Studio refuses to start a paid job that would take the last 24 hours' spending over this</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>per 24 hours (0 = no cap)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Budget cap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Jobs at once, per provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>More jobs at once finish sooner but may hit the provider's rate limits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Changes apply after a restart.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The offline animatic needs no key: it makes quick placeholder clips on this computer.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GenerationMixin</name>
        <message>
            <location filename="../../ui/window_generation.py" line="+46" />
            <source>Sending the shot…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+38" />
            <source>Every shot has a take. Select a shot and press Generate for another take.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>Every missing shot has a take now.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Generating %n shot(s)…</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+21" />
            <source>The job failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+28" />
            <source>A new take for shot %1 is ready.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <location filename="../../ui/history/__init__.py" line="+50" />
            <source>(no prompt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Search prompts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>All models</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+57" />
            <source>History could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>%n job(s) (newest 200)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n job(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>This job has no clip to preview.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>The clip file is gone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Show in folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Use this prompt in the selected shot</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImageSlots</name>
        <message>
            <location filename="../../ui/editor/image_slots.py" line="+31" />
            <source>first frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>last frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>reference images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+47" />
            <source>Add reference image</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Add reference images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Set %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+64" />
            <source>Fit images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>No first frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Drop an image on First frame to start the shot from it (image-to-video).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>First frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Last frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>%1 as sent: %2, cropped to fill (the bright frame; drag it to move the crop). Transparent areas are filled with white.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>%1 as sent: %2, padded (letterboxed). Transparent areas are filled with white.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>%1 as sent: %2 (not fitted).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source>Move crop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+36" />
            <source>Use as first frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Use as last frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Add as reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>%1 takes no %2.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImageZone</name>
        <message>
            <location filename="../../ui/editor/images.py" line="-276" />
            <source>Images (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+123" />
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Pick an image file: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Choose an image: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Clear: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Clear</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <location line="+22" />
            <source>Drop an image here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+37" />
            <source>Choose images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Choose an image</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobMonitor</name>
        <message>
            <location filename="../../ui/jobs/monitor.py" line="+123" />
            <source>All jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Failed or cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Search prompt, model or error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Search jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Show jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+37" />
            <source>Cancel job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Stop this job (and ask the provider to stop billing for it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Retry…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Start a new job with the same request</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Show in folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open the folder that holds the clip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Copy details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Copy the job as JSON (no keys) for a bug report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+51" />
            <source>Offline animatic</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+106" />
            <source>%n job(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n running</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n failed</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 spent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+55" />
            <source>Studio lost the provider's answer to this submit: the job may be running, and billed, already. Check the provider's dashboard before retrying.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Retrying starts a new generation that costs about %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Retrying starts a new generation; its price is unknown, so it may cost as much again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Retry now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Retry this job?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+38" />
            <source>Copied the job's details (without keys) to the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Job</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobState</name>
        <message>
            <location filename="../../ui/jobs/model.py" line="+39" />
            <source>Queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Submitting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Submitted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobTableModel</name>
        <message>
            <location line="-24" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+108" />
            <source>job %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>remote %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Studio lost the provider's answer to this submit. Check the provider's dashboard before retrying.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Kept, waiting for %1. Retry resumes it without paying again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>a temporary problem to pass</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguagePicker</name>
        <message>
            <location filename="../../ui/settings/language.py" line="+19" />
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The language of Studio's window; it changes when Studio starts again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>As the system (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Takes effect when Studio starts again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="+77" />
            <location line="+220" />
            <source>Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-173" />
            <source>The job monitor is not available.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The preview is not available.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Storyboard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>&amp;New project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Start a new project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open project…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Open a project folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Save the project (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;as…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export video…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Export the finished video</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Export &amp;timeline…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Write the cut as an OpenTimelineIO, FCPXML or EDL timeline for an editor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Se&amp;ttings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Keys, providers, budget</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Add shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Add a shot after the selected one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Duplicate shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>De&amp;lete shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Generate shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Generate the selected shot (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Generate &amp;missing shots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Generate every shot without a take, honouring continuity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Preview the cut</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Play the chosen takes in order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Open the &amp;data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reset layout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Go to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Open &amp;recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Generate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Main</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+61" />
            <source>No project open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1[*] — Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Project cost %1  ·  last 24 h %2  ·  %3 in the cut</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Clear the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>Select a shot first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>This shot has no take yet; press Generate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>No shot has a take yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>Settings are not available in this build.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Export is not available in this build.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+26" />
            <source>About Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>&lt;b&gt;Studio&lt;/b&gt;&lt;br&gt;Plan, generate, preview and export short AI videos.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ModelStatus</name>
        <message>
            <location filename="../../ui/model_status.py" line="+12" />
            <source>live</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>retired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>If it does run, it is charged like any other job (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>%1 is %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>The provider will most likely refuse it, and Studio will say why.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Send it anyway?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Send to a paused model?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Send to a retired model?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ParamPanel</name>
        <message>
            <location filename="../../ui/editor/params.py" line="+98" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Aspect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Resolution</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Generate sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>%1 always makes sound.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Fixed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Off: a new random seed each time. On: repeatable results.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Seed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../ui/preview/pane.py" line="+44" />
            <source>No Qt Multimedia backend here: showing frames only, without sound.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+53" />
            <location line="+146" />
            <source>No clip selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-130" />
            <location line="+425" />
            <source>Play (Space)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-421" />
            <source>Previous frame (Left)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Next frame (Right)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <location line="+352" />
            <source>Mute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-318" />
            <source>Play or pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Previous frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Next frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+70" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+128" />
            <source>%1 is trimmed to nothing</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+10" />
            <source> (and %n more)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>skipping it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>nothing to play.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No sound device was found: playing without sound.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Nothing to play.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+58" />
            <source>%1 cannot be played; skipping it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+20" />
            <source>The clip</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1 cannot be played: %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+23" />
            <source>Unmute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>frame %1 at %2 fps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Clip %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Pause (Space)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProjectController</name>
        <message>
            <location filename="../../ui/project_actions.py" line="+135" />
            <source>No project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Untitled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+58" />
            <source>%1 could not be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Recovered unsaved changes from the recovery copy. Save to keep them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Opened %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Untitled project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Created %1 in %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+17" />
            <source>Opened the sample project: it runs offline on the animatic model. Press Generate missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+47" />
            <source>Saved %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+22" />
            <source>%1 already exists and is not empty; pick a new folder name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Saved as %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Autosave failed: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PromptEditor</name>
        <message>
            <location filename="../../ui/editor/prompt_editor.py" line="+105" />
            <location line="+186" />
            <source>No shot selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-180" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Status: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Describe the shot: subject, action, camera, light, mood…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Negative prompt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>What to avoid (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Images</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Fit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Crop to fill</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Pad (letterbox)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>How a first or last frame is fitted to the model's exact size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>First frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Last frame</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>References</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+15" />
            <source>The first frame, exactly as it will be sent, appears here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Parameters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+21" />
            <source>Generate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <location line="+202" />
            <source>Generate this shot (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-136" />
            <source>No project open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Shot %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+29" />
            <source>%1 is not in the catalog. Pick another model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>This model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>%1 is %2. Generate asks before sending it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>%1 takes no %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>References (up to %1)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+34" />
            <source>%n character(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>This shot's model is not in the catalog; pick another model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+19" />
            <source>Cannot generate yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>The first frame was fitted to %1; it is refitted to %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Free (offline animatic)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>%1 is %2; Studio asks first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+56" />
            <source>Change model to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Clear %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+14" />
            <source>Accept assistant prompt</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Prompter</name>
        <message>
            <location filename="../../ui/project_actions.py" line="-290" />
            <source>Unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Save the changes to “%1”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Your changes are lost if you don't save them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Recover unsaved work?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Studio did not close normally while “%1” had unsaved changes.

Restore them from the recovery copy? (No keeps the last saved version.)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+9" />
            <source>Open a project folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>New project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Project name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Save project as (a new folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProviderPage</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="-305" />
            <source>Sora 2 through OpenAI's Videos API, which OpenAI shut down on 2026-09-24: to use it, set the base URL to a compatible gateway (the API root, ending in /v1). The prompt assistant uses the same key, and this address unless the Assistant tab sets its own.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Kie.ai's market jobs API (Kling; Sora 2 is paused there). Images are uploaded to Kie's file host first; the base URL replaces that host too, unless STUDIO_KIE_UPLOAD_BASE_URL is set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+48" />
            <source>API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Paste a new %1 key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Save key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Delete the key from the keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>Stored in the system keyring (%1); never written to disk by Studio.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>The provider's own address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>For a proxy or a compatible gateway; leave empty for the provider's own API</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Base URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>%1 is set and wins over this field: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>(no preference)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Default model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Saves the key and address above, then asks the provider whether they work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+33" />
            <source>Saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>the environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>From %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>No key set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>The key was not saved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+38" />
            <source>Asking %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>The key works.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>✓ Connected. %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location line="+132" />
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Assistant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>⚠ No keyring service was found (%1): Studio cannot store keys. Set them as environment variables instead; each provider's tab says which.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../ui/shortcuts.py" line="+76" />
            <source>Window</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location line="+24" />
            <location line="+1" />
            <location line="+6" />
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="-4" />
            <source>Every command is also in a menu (Alt and the underlined letter opens it). Tab and Shift+Tab move between controls; Alt+1 to Alt+5 go to a panel.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>One row per shortcut: the keys, what they do and where they work</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShotJob</name>
        <message>
            <location filename="../../ui/window_generation.py" line="-131" />
            <source>queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>sending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>submitted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>generating</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>downloading</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>needs attention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>waiting</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShotListModel</name>
        <message>
            <location filename="../../ui/storyboard/model.py" line="+57" />
            <source>Shot %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StorySplitDialog</name>
        <message>
            <location filename="../../ui/storyboard/story_split.py" line="+50" />
            <source>Split a story into shots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Story</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Write or paste the story. Each shot gets one camera setup and one main action.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Shots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+12" />
            <source>Split</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+13" />
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Continuity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Scene</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>The selected shot's full prompt appears here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Add shots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+18" />
            <source>sound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>silent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <source>Splitting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Splitting with the %1, then checking continuity…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n shot(s) from the offline builder (split by sentences).</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s) from the assistant, after a continuity pass.</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Palette</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>chained ⟵ previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>independent</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>Add %n shot(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>StoryboardPanel</name>
        <message>
            <location filename="../../ui/storyboard/panel.py" line="+59" />
            <source>Add shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Add a shot after the selected one (Ctrl+Shift+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Generate missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Generate every shot that has no take yet, honouring continuity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Split story…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Write shots from a story, with a continuity pass</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Zoom (Ctrl+wheel on the timeline)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Zoom</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+34" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Take</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Continuity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Transition in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Trim in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>out</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <location line="+80" />
            <source>%n shot(s)</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n without a take</source>
            <translation type="unfinished">
                <numerusform />
            </translation>
        </message>
        <message>
            <location line="+33" />
            <source>No takes yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Take %1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>The first shot has no incoming transition.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>How this shot follows the previous one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+10" />
            <location line="+1" />
            <source>Generate a take first; trims apply to the chosen take.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TimelineCanvas</name>
        <message>
            <location filename="../../ui/storyboard/timeline.py" line="+87" />
            <source>Storyboard timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Shots in cut order. Left and Right select a shot, Alt with an arrow moves it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Select the previous shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Select the next shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Move the shot left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Move the shot right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Delete the shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>Preview the shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Zoom the timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+74" />
            <source>Crossfade %1 — click for a cut</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Cut — click for a crossfade</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+135" />
            <source>Trim shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+63" />
            <source>Add shot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+5" />
            <source>Generate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Take</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+3" />
            <source>Take %1 · %2 · %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>Continuity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Transition in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+7" />
            <source>Duplicate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+11" />
            <source>Shot %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VertexPage</name>
        <message>
            <location filename="../../ui/settings/vertex.py" line="+26" />
            <source>Drop the service account's JSON key here, choose it, or paste its text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Service account (JSON key)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Choose file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Pick the JSON key downloaded from the Google Cloud console</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+8" />
            <source>the key's own project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+4" />
            <source>optional: gs://bucket/folder for results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Without a bucket Vertex returns each video inline; with one it writes it there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Project</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Location</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Output bucket</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>Give the service account the Vertex AI User role in this project.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+16" />
            <source>No service account set.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+2" />
            <source>Saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>From %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 (project %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+24" />
            <source>%1 cannot be read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+6" />
            <source>Service-account JSON key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location line="+0" />
            <source>JSON key (*.json)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>