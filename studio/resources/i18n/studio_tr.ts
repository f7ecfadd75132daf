<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr">
    <context>
        <name>App</name>
        <message>
            <location filename="../../app.py" line="+123" />
            <source>Studio cannot start</source>
            <translation>Studio başlatılamıyor</translation>
        </message>
        <message numerus="yes">
            <location line="+24" />
            <source>Resumed %n unfinished job(s) from the last session.</source>
            <translation>
                <numerusform>Son oturumdan kalan %n bitmemiş iş sürdürüldü.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AssistantPage</name>
        <message>
            <location filename="../../ui/settings/assistant_page.py" line="+46" />
            <source>OpenAI key (shared with OpenAI video models)</source>
            <translation>OpenAI anahtarı (OpenAI video modelleriyle ortak)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Paste an OpenAI key (a local server needs none)</source>
            <translation>Bir OpenAI anahtarı yapıştırın (yerel sunucu gerektirmez)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save key</source>
            <translation>Anahtarı kaydet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Remove</source>
            <translation>Kaldır</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Endpoint</source>
            <translation>Uç nokta</translation>
        </message>
        <message>
            <location line="+4" />
            <source>OpenAI's API, or a local server such as http://localhost:11434/v1</source>
            <translation>OpenAI API'si ya da http://localhost:11434/v1 gibi yerel bir sunucu</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base URL</source>
            <translation>Temel URL</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is set and wins: %2</source>
            <translation>%1 tanımlı ve öncelikli: %2</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Always answer in English (some video models follow English better)</source>
            <translation>Her zaman İngilizce yanıtla (bazı video modelleri İngilizceyi daha iyi izler)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Try it</source>
            <translation>Dene</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Applies the fields above, then asks for one prompt</source>
            <translation>Yukarıdaki alanları uygular, ardından bir istem ister</translation>
        </message>
        <message>
            <location line="+13" />
            <source>With no key and no address, the offline builder writes prompts from presets; nothing leaves this computer.</source>
            <translation>Anahtar ve adres yoksa istemleri çevrimdışı oluşturucu hazır şablonlardan yazar; hiçbir şey bu bilgisayarın dışına çıkmaz.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Saved: %2</source>
            <translation>Kayıtlı: %2</translation>
        </message>
        <message>
            <location line="+0" />
            <source>From %1: %2</source>
            <translation>%1 kaynağından: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No key set.</source>
            <translation>Anahtar ayarlanmadı.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The key was not saved: %1</source>
            <translation>Anahtar kaydedilmedi: %1</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Asking…</source>
            <translation>Soruluyor…</translation>
        </message>
        <message>
            <location line="+7" />
            <source>No key and no address: the offline builder answers, so there is nothing to reach.</source>
            <translation>Anahtar ve adres yok: çevrimdışı oluşturucu yanıtlıyor, bağlanılacak bir yer yok.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✓ Works: %1 answered.</source>
            <translation>✓ Çalışıyor: %1 yanıt verdi.</translation>
        </message>
    </context>
    <context>
        <name>AssistantPanel</name>
        <message>
            <location filename="../../ui/editor/assistant_panel.py" line="+67" />
            <source>Assistant</source>
            <translation>Asistan</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Enhance</source>
            <translation>Geliştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Turn your text into a structured prompt fitted to this model and duration</source>
            <translation>Metninizi bu modele ve süreye uygun, yapılandırılmış bir isteme dönüştürür</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Meme</source>
            <translation>Mizah</translation>
        </message>
        <message>
            <location line="+1" />
            <source>A funny take: short and portrait (9:16)</source>
            <translation>Komik bir yorum: kısa ve dikey (9:16)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From first frame</source>
            <translation>İlk kareden</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+70" />
            <source>A prompt that animates the first frame; your text, if any, steers the action</source>
            <translation>İlk kareyi canlandıran bir istem; varsa metniniz hareketi yönlendirir</translation>
        </message>
        <message>
            <location line="-69" />
            <source>Cancel</source>
            <translation>İptal</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Your text</source>
            <translation>Metniniz</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suggestion (edit before accepting)</source>
            <translation>Öneri (kabul etmeden önce düzenleyebilirsiniz)</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Reject</source>
            <translation>Reddet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Accept</source>
            <translation>Kabul et</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use the suggestion as this shot's prompt (one undo step)</source>
            <translation>Öneriyi bu çekimin istemi yap (tek geri alma adımı)</translation>
        </message>
        <message>
            <location line="+43" />
            <source>Drop a first frame (a selfie, say) on this shot first</source>
            <translation>Önce bu çekime bir ilk kare (örneğin bir özçekim) bırakın</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Writing with the %1…</source>
            <translation>%1 yazıyor…</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Writing…</source>
            <translation>Yazılıyor…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Suggestion from the offline builder (add an OpenAI key in Settings, or a local server, for the assistant).</source>
            <translation>Çevrimdışı oluşturucunun önerisi (asistan için Ayarlar’dan bir OpenAI anahtarı ya da yerel sunucu ekleyin).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Suggestion from the assistant.</source>
            <translation>Asistanın önerisi.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Accepting also sets %1.</source>
            <translation>Kabul etmek şunu da ayarlar: %1.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>(empty)</source>
            <translation>(boş)</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Suggestion accepted (Ctrl+Z undoes it).</source>
            <translation>Öneri kabul edildi (Ctrl+Z geri alır).</translation>
        </message>
    </context>
    <context>
        <name>CardPainting</name>
        <message>
            <location filename="../../ui/storyboard/cards.py" line="+126" />
            <source>No shots yet. Click “Add shot” to plan the first one.</source>
            <translation>Henüz çekim yok. İlkini planlamak için “Çekim ekle”ye tıklayın.</translation>
        </message>
        <message>
            <location line="+23" />
            <source>No shot selected. Left and Right select a shot, Alt with an arrow moves it.</source>
            <translation>Çekim seçilmedi. Sol ve Sağ bir çekim seçer, Alt ile ok tuşu onu taşır.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Shot %1 of %2: %3, %4.</source>
            <translation>Çekim %1 / %2: %3, %4.</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+47" />
            <source>Untitled</source>
            <translation>Adsız</translation>
        </message>
        <message>
            <location line="-46" />
            <source>Has a take.</source>
            <translation>Sürümü var.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No take yet.</source>
            <translation>Henüz sürümü yok.</translation>
        </message>
        <message>
            <location line="+62" />
            <source>No prompt yet</source>
            <translation>Henüz istem yok</translation>
        </message>
        <message>
            <location line="+22" />
            <source>take %1/%2</source>
            <translation>sürüm %1/%2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>no take</source>
            <translation>sürüm yok</translation>
        </message>
        <message>
            <location line="+62" />
            <source>loading…</source>
            <translation>yükleniyor…</translation>
        </message>
    </context>
    <context>
        <name>Commands</name>
        <message>
            <location filename="../../ui/storyboard/commands.py" line="+19" />
            <source>Add shot</source>
            <translation>Çekim ekle</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Add shots from story</source>
            <translation>Hikâyeden çekim ekle</translation>
        </message>
        <message>
            <location line="+23" />
            <source>Duplicate shot</source>
            <translation>Çekimi çoğalt</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Delete shot</source>
            <translation>Çekimi sil</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Move shot</source>
            <translation>Çekimi taşı</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Choose take</source>
            <translation>Sürüm seç</translation>
        </message>
        <message>
            <location line="+35" />
            <source>Remove take</source>
            <translation>Sürümü kaldır</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Edit prompt</source>
            <translation>İstemi düzenle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Edit negative prompt</source>
            <translation>Negatif istemi düzenle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change model</source>
            <translation>Modeli değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change duration</source>
            <translation>Süreyi değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change aspect ratio</source>
            <translation>En-boy oranını değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change resolution</source>
            <translation>Çözünürlüğü değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Toggle audio</source>
            <translation>Sesi aç/kapat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change seed</source>
            <translation>Tohumu değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set first frame</source>
            <translation>İlk kareyi ayarla</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set last frame</source>
            <translation>Son kareyi ayarla</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change references</source>
            <translation>Referansları değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change continuity</source>
            <translation>Sürekliliği değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change transition</source>
            <translation>Geçişi değiştir</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Trim shot</source>
            <translation>Çekimi kırp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Rename shot</source>
            <translation>Çekimi yeniden adlandır</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Change parameter</source>
            <translation>Parametreyi değiştir</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Edit shot</source>
            <translation>Çekimi düzenle</translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message>
            <location filename="../../ui/compare/dialog.py" line="+131" />
            <source>Side by side</source>
            <translation>Yan yana</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One after another</source>
            <translation>Art arda</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show the takes side by side</source>
            <translation>Sürümleri yan yana göster</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play the takes one after another</source>
            <translation>Sürümleri art arda oynat</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+196" />
            <source>Play all</source>
            <translation>Tümünü oynat</translation>
        </message>
        <message>
            <location line="-195" />
            <source>Play every take from its start</source>
            <translation>Her sürümü başından oynat</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Takes side by side</source>
            <translation>Yan yana sürümler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>One tile per take: play it, use it in the cut or delete it</source>
            <translation>Her sürüm için bir kutucuk: oynatın, kurguda kullanın ya da silin</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The takes, one after another</source>
            <translation>Art arda sürümler</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Use this take</source>
            <translation>Bu sürümü kullan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use the take playing now in the cut</source>
            <translation>Şu an oynayan sürümü kurguda kullan</translation>
        </message>
        <message>
            <location line="+16" />
            <source>A deleted take's clip stays in the History library; Ctrl+Z brings the take back.</source>
            <translation>Silinen sürümün klibi Geçmiş kitaplığında kalır; Ctrl+Z sürümü geri getirir.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Close</source>
            <translation>Kapat</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Undo</source>
            <translation>Geri al</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Redo</source>
            <translation>Yinele</translation>
        </message>
        <message>
            <location line="+39" />
            <source>Compare takes — {shot}</source>
            <translation>Sürümleri karşılaştır — {shot}</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n take(s)</source>
            <translation>
                <numerusform>%n sürüm</numerusform>
            </translation>
        </message>
        <message>
            <location line="+19" />
            <source>This shot has no takes yet.</source>
            <translation>Bu çekimin henüz sürümü yok.</translation>
        </message>
        <message>
            <location line="+37" />
            <source>The take was removed from the shot; its clip is still in the History library.</source>
            <translation>Sürüm çekimden kaldırıldı; klibi hâlâ Geçmiş kitaplığında.</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Pause all</source>
            <translation>Tümünü duraklat</translation>
        </message>
    </context>
    <context>
        <name>Continuity</name>
        <message>
            <location filename="../../ui/storyboard/cards.py" line="-271" />
            <location line="+6" />
            <source>Independent</source>
            <translation>Bağımsız</translation>
        </message>
        <message>
            <location line="-5" />
            <source>Chained (from previous shot)</source>
            <translation>Zincirleme (önceki çekimden)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bridged (first + last frame)</source>
            <translation>Köprülü (ilk + son kare)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Chained</source>
            <translation>Zincirleme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Bridged</source>
            <translation>Köprülü</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cut</source>
            <translation>Kesme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Crossfade</source>
            <translation>Çapraz geçiş</translation>
        </message>
    </context>
    <context>
        <name>DeriveDialog</name>
        <message>
            <location filename="../../ui/storyboard/derive_menu.py" line="+65" />
            <source>Remix a take</source>
            <translation>Bir sürümü yeniden karıştır</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Edit a take</source>
            <translation>Bir sürümü düzenle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Extend a take</source>
            <translation>Bir sürümü uzat</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{source}, with {model}. The result is a new take of this shot.</source>
            <translation>{source}, {model} ile. Sonuç bu çekimin yeni bir sürümü olur.</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+8" />
            <source>Instruction</source>
            <translation>Yönerge</translation>
        </message>
        <message>
            <location line="-7" />
            <source>What the new take changes, or what happens next</source>
            <translation>Yeni sürümün neyi değiştirdiği ya da sonra ne olduğu</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Change one thing, e.g. “same shot, switch to an 85 mm lens”</source>
            <translation>Tek bir şeyi değiştirin, ör. “aynı çekim, 85 mm objektife geç”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What to change, e.g. “make it night, keep everything else”</source>
            <translation>Neyin değişeceği, ör. “gece yap, gerisi aynı kalsın”</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What happens next, e.g. “she turns and waves”</source>
            <translation>Sonra ne olduğu, ör. “dönüp el sallıyor”</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+6" />
            <source>Seconds to add</source>
            <translation>Eklenecek saniye</translation>
        </message>
        <message>
            <location line="-3" />
            <source>{n} s</source>
            <translation>{n} sn</translation>
        </message>
        <message>
            <location line="+9" />
            <location line="+1" />
            <source>Send</source>
            <translation>Gönder</translation>
        </message>
    </context>
    <context>
        <name>DeriveMixin</name>
        <message>
            <location filename="../../ui/window_derive.py" line="+31" />
            <source>This take cannot be changed that way.</source>
            <translation>Bu sürüm bu şekilde değiştirilemez.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Take {n} of {shot}</source>
            <translation>{shot} çekiminin {n}. sürümü</translation>
        </message>
        <message>
            <location line="+8" />
            <source>sending</source>
            <translation>gönderiliyor</translation>
        </message>
        <message>
            <location line="+13" />
            <source>{what} is already being made (job {job}); following it.</source>
            <translation>{what} zaten üretiliyor (iş {job}); izleniyor.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>{what} sent; it becomes a new take of this shot.</source>
            <translation>{what} gönderildi; bu çekimin yeni bir sürümü olacak.</translation>
        </message>
    </context>
    <context>
        <name>DocksMixin</name>
        <message>
            <location filename="../../ui/window_docks.py" line="+85" />
            <source>Loading…</source>
            <translation>Yükleniyor…</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Prompt</source>
            <translation>İstem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation>Önizleme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jobs</source>
            <translation>İşler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>History</source>
            <translation>Geçmiş</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Storyboard</source>
            <translation>Hikâye panosu</translation>
        </message>
        <message>
            <location line="+61" />
            <source>The preview is not available.</source>
            <translation>Önizleme kullanılamıyor.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The job monitor is not available.</source>
            <translation>İş izleyici kullanılamıyor.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../ui/export/dialog.py" line="+51" />
            <source>1080p landscape — 1920×1080</source>
            <translation>1080p yatay — 1920×1080</translation>
        </message>
        <message>
            <location line="+1" />
            <source>720p landscape — 1280×720</source>
            <translation>720p yatay — 1280×720</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vertical 1080p — 1080×1920</source>
            <translation>Dikey 1080p — 1080×1920</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Vertical 720p — 720×1280</source>
            <translation>Dikey 720p — 720×1280</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Square — 1080×1080</source>
            <translation>Kare — 1080×1080</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Custom</source>
            <translation>Özel</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Draft — fast, larger artefacts</source>
            <translation>Taslak — hızlı, daha belirgin bozulmalar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Standard — good for sharing</source>
            <translation>Standart — paylaşmak için uygun</translation>
        </message>
        <message>
            <location line="+1" />
            <source>High — slower, best picture</source>
            <translation>Yüksek — daha yavaş, en iyi görüntü</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Export — %1</source>
            <translation>Dışa aktar — %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Untitled</source>
            <translation>Adsız</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Format</source>
            <translation>Biçim</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Project — %1</source>
            <translation>Proje — %1</translation>
        </message>
        <message>
            <location line="+10" />
            <source> px</source>
            <translation> piksel</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+1" />
            <source>Size</source>
            <translation>Boyut</translation>
        </message>
        <message>
            <location line="+0" />
            <source>A common size, the project's, or your own below</source>
            <translation>Yaygın bir boyut, projeninki ya da aşağıda kendi boyutunuz</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Width</source>
            <translation>Genişlik</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The video's width in pixels</source>
            <translation>Videonun piksel cinsinden genişliği</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Height</source>
            <translation>Yükseklik</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The video's height in pixels</source>
            <translation>Videonun piksel cinsinden yüksekliği</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Frames per second of the exported video</source>
            <translation>Dışa aktarılan videonun saniyedeki kare sayısı</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 fps (project)</source>
            <translation>%1 fps (proje)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 fps</source>
            <translation>%1 fps</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Frame rate</source>
            <translation>Kare hızı</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Encoding speed against picture quality and file size</source>
            <translation>Kodlama hızına karşı görüntü kalitesi ve dosya boyutu</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Quality</source>
            <translation>Kalite</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Exact audio (re-encode the sound; slower)</source>
            <translation>Kesin ses (sesi yeniden kodla; daha yavaş)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Exact audio</source>
            <translation>Kesin ses</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Re-encode the sound as one track so every join is sample-exact, instead of copying it.</source>
            <translation>Sesi kopyalamak yerine tek parça olarak yeniden kodla; böylece her birleşim örnek düzeyinde kesin olur.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>When every clip's sound matches, it is copied and each join stays within 11 ms of the picture. Tick this to re-encode the sound for sample-exact joins.</source>
            <translation>Tüm kliplerin sesi uyuşuyorsa ses kopyalanır ve her birleşim görüntüden en çok 11 ms sapar. Örnek düzeyinde kesin birleşimler için sesi yeniden kodlamak üzere bunu işaretleyin.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The MP4 file to write</source>
            <translation>Yazılacak MP4 dosyası</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose…</source>
            <translation>Seç…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Save as</source>
            <translation>Farklı kaydet</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose the file</source>
            <translation>Dosyayı seç</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Pick where the MP4 file goes</source>
            <translation>MP4 dosyasının nereye yazılacağını seçin</translation>
        </message>
        <message>
            <location line="+4" />
            <source>What will happen</source>
            <translation>Ne yapılacak</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Export plan</source>
            <translation>Dışa aktarma planı</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What is copied, what is re-encoded, where crossfades go</source>
            <translation>Neyin kopyalanacağı, neyin yeniden kodlanacağı, çapraz geçişlerin nereye geleceği</translation>
        </message>
        <message>
            <location line="+4" />
            <location line="+113" />
            <location line="+11" />
            <source>Working out the plan…</source>
            <translation>Plan hazırlanıyor…</translation>
        </message>
        <message>
            <location line="-114" />
            <source>%p%</source>
            <translation>%%p</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Export</source>
            <translation>Dışa aktar</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Cancel export</source>
            <translation>Dışa aktarmayı iptal et</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Open folder</source>
            <translation>Klasörü aç</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+241" />
            <source>Close</source>
            <translation>Kapat</translation>
        </message>
        <message>
            <location line="-166" />
            <source>Export as</source>
            <translation>Farklı dışa aktar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>MP4 video (*.mp4)</source>
            <translation>MP4 video (*.mp4)</translation>
        </message>
        <message numerus="yes">
            <location line="+41" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n çekim</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>, with sound.</source>
            <translation>, sesli.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>, silent.</source>
            <translation>, sessiz.</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Choose a file to export to.</source>
            <translation>Dışa aktarılacak bir dosya seçin.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Exporting to %1…</source>
            <translation>%1 dosyasına aktarılıyor…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Replace file?</source>
            <translation>Dosya değiştirilsin mi?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>%1 already exists. Replace it?</source>
            <translation>%1 zaten var. Değiştirilsin mi?</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Cancelling…</source>
            <translation>İptal ediliyor…</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Exported %1 (%2).</source>
            <translation>%1 dışa aktarıldı (%2).</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Exported %1.</source>
            <translation>%1 dışa aktarıldı.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>The export was cancelled; no file was written.</source>
            <translation>Dışa aktarma iptal edildi; hiçbir dosya yazılmadı.</translation>
        </message>
    </context>
    <context>
        <name>ExportTimeline</name>
        <message>
            <location filename="../../ui/export/timeline.py" line="+30" />
            <source>Export timeline</source>
            <translation>Zaman çizelgesini dışa aktar</translation>
        </message>
        <message>
            <location line="+25" />
            <source>Crossfades became cuts at their middle: add the dissolves in the editor.</source>
            <translation>Çapraz geçişler ortalarından kesmeye dönüştü: geçişleri kurgu programında ekleyin.</translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n çekim</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n crossfade(s)</source>
            <translation>
                <numerusform>%n çapraz geçiş</numerusform>
            </translation>
        </message>
        <message>
            <location line="+1" />
            <source>Timeline written to %1: %2, %3.</source>
            <translation>Zaman çizelgesi %1 dosyasına yazıldı: %2, %3.</translation>
        </message>
    </context>
    <context>
        <name>FinishMixin</name>
        <message>
            <location filename="../../ui/window_timeline.py" line="+45" />
            <source>Export &amp;now</source>
            <translation>&amp;Şimdi dışa aktar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export the cut in one click, with the last export's settings</source>
            <translation>Kurguyu tek tıklamayla, son dışa aktarmanın ayarlarıyla dışa aktar</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Export progress</source>
            <translation>Dışa aktarma ilerlemesi</translation>
        </message>
        <message>
            <location line="+97" />
            <source>Exporting to {name}…</source>
            <translation>{name} dosyasına aktarılıyor…</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Exported {seconds} to {path}</source>
            <translation>{seconds} {path} konumuna aktarıldı</translation>
        </message>
        <message>
            <location line="+27" />
            <source>Carrying on the storyboard run: {plan}</source>
            <translation>Hikâye panosu çalıştırması sürdürülüyor: {plan}</translation>
        </message>
        <message>
            <location line="+18" />
            <source>The storyboard run is finished: every shot has a take.</source>
            <translation>Hikâye panosu çalıştırması bitti: her çekimin bir sürümü var.</translation>
        </message>
    </context>
    <context>
        <name>FitPreview</name>
        <message>
            <location filename="../../ui/editor/images.py" line="+288" />
            <location line="+16" />
            <source>No image</source>
            <translation>Görüntü yok</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Drag the frame to choose what is sent.</source>
            <translation>Gönderilecek alanı seçmek için çerçeveyi sürükleyin.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <location filename="../../ui/i18n.py" line="+107" />
            <source>unknown</source>
            <translation>bilinmiyor</translation>
        </message>
        <message>
            <location line="+10" />
            <source>price unknown</source>
            <translation>fiyat bilinmiyor</translation>
        </message>
        <message>
            <location line="+2" />
            <source>free</source>
            <translation>ücretsiz</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+16" />
            <location filename="../../ui/model_status.py" line="+67" />
            <source>%1 s</source>
            <translation>%1 sn</translation>
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
            <translation>Yeni bir çekimin başladığı model</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Default model</source>
            <translation>Varsayılan model</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Where Studio keeps its job database, clips and logs</source>
            <translation>Studio’nun iş veritabanını, klipleri ve günlükleri tuttuğu yer</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open</source>
            <translation>Aç</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show the data folder in the file manager</source>
            <translation>Veri klasörünü dosya yöneticisinde göster</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Data folder</source>
            <translation>Veri klasörü</translation>
        </message>
        <message>
            <location line="+1" />
            <source>To use another folder, start Studio with STUDIO_HOME set to it.</source>
            <translation>Başka bir klasör kullanmak için Studio’yu STUDIO_HOME o klasöre ayarlı olarak başlatın.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>No cap</source>
            <translation>Sınır yok</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio refuses to start a paid job that would take the last 24 hours' spending over this</source>
            <translation>Son 24 saatteki harcamayı bu tutarın üzerine çıkaracak ücretli bir işi Studio başlatmaz</translation>
        </message>
        <message>
            <location line="+3" />
            <source>per 24 hours (0 = no cap)</source>
            <translation>24 saatte (0 = sınır yok)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Budget cap</source>
            <translation>Bütçe sınırı</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Jobs at once, per provider</source>
            <translation>Sağlayıcı başına eşzamanlı iş</translation>
        </message>
        <message>
            <location line="+8" />
            <source>More jobs at once finish sooner but may hit the provider's rate limits</source>
            <translation>Aynı anda daha çok iş daha erken biter ama sağlayıcının hız sınırlarına takılabilir</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Changes apply after a restart.</source>
            <translation>Değişiklikler yeniden başlatınca geçerli olur.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>The offline animatic needs no key: it makes quick placeholder clips on this computer.</source>
            <translation>Çevrimdışı animatik anahtar gerektirmez: bu bilgisayarda hızlı geçici klipler üretir.</translation>
        </message>
    </context>
    <context>
        <name>GenerationMixin</name>
        <message>
            <location filename="../../ui/window_generation.py" line="+55" />
            <source>Sending the shot…</source>
            <translation>Çekim gönderiliyor…</translation>
        </message>
        <message>
            <location line="+50" />
            <source>Every shot has a take. Select a shot and press Generate for another take.</source>
            <translation>Her çekimin bir sürümü var. Yeni bir sürüm için bir çekim seçip Üret’e basın.</translation>
        </message>
        <message>
            <location line="+33" />
            <source>Every missing shot has a take now.</source>
            <translation>Eksik her çekimin artık bir sürümü var.</translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>Generating %n shot(s)…</source>
            <translation>
                <numerusform>%n çekim üretiliyor…</numerusform>
            </translation>
        </message>
        <message>
            <location line="+27" />
            <source>The job failed.</source>
            <translation>İş başarısız oldu.</translation>
        </message>
        <message>
            <location line="+36" />
            <source>A new take for shot %1 is ready.</source>
            <translation>%1. çekim için yeni sürüm hazır.</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <location filename="../../ui/history/__init__.py" line="+52" />
            <source>(no prompt)</source>
            <translation>(istem yok)</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Search history</source>
            <translation>Geçmişte ara</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shows the past jobs whose prompt holds these words</source>
            <translation>İstemi bu sözcükleri içeren geçmiş işleri gösterir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Search prompts</source>
            <translation>İstemlerde ara</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Model filter</source>
            <translation>Model süzgeci</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shows the past jobs of one model</source>
            <translation>Tek bir modelin geçmiş işlerini gösterir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>All models</source>
            <translation>Tüm modeller</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Past jobs</source>
            <translation>Geçmiş işler</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Enter previews a job's clip; the context menu reuses its prompt</source>
            <translation>Enter işin klibini önizler; bağlam menüsü istemini yeniden kullanır</translation>
        </message>
        <message>
            <location line="+51" />
            <source>History could not be read: %1</source>
            <translation>Geçmiş okunamadı: %1</translation>
        </message>
        <message numerus="yes">
            <location line="+20" />
            <source>%n job(s) (newest 200)</source>
            <translation>
                <numerusform>%n iş (en yeni 200)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n iş</numerusform>
            </translation>
        </message>
        <message>
            <location line="+13" />
            <source>This job has no clip to preview.</source>
            <translation>Bu işin önizlenecek klibi yok.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The clip file is gone.</source>
            <translation>Klip dosyası yok olmuş.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Preview</source>
            <translation>Önizleme</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show in folder</source>
            <translation>Klasörde göster</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Use this prompt in the selected shot</source>
            <translation>Bu istemi seçili çekimde kullan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add as a take of the selected shot</source>
            <translation>Seçili çekimin sürümü olarak ekle</translation>
        </message>
    </context>
    <context>
        <name>ImageSlots</name>
        <message>
            <location filename="../../ui/editor/image_slots.py" line="+31" />
            <source>first frame</source>
            <translation>ilk kare</translation>
        </message>
        <message>
            <location line="+1" />
            <source>last frame</source>
            <translation>son kare</translation>
        </message>
        <message>
            <location line="+1" />
            <source>reference images</source>
            <translation>referans görseller</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Add reference image</source>
            <translation>Referans görsel ekle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add reference images</source>
            <translation>Referans görseller ekle</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Set %1</source>
            <translation>Ayarla: %1</translation>
        </message>
        <message>
            <location line="+64" />
            <source>Fit images</source>
            <translation>Görselleri sığdır</translation>
        </message>
        <message>
            <location line="+12" />
            <source>No first frame</source>
            <translation>İlk kare yok</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Drop an image on First frame to start the shot from it (image-to-video).</source>
            <translation>Çekimi bir görselden başlatmak için onu İlk kare alanına bırakın (görselden videoya).</translation>
        </message>
        <message>
            <location line="+4" />
            <source>First frame</source>
            <translation>İlk kare</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last frame</source>
            <translation>Son kare</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 as sent: %2, cropped to fill (the bright frame; drag it to move the crop). Transparent areas are filled with white.</source>
            <translation>Gönderilecek %1: %2, dolduracak şekilde kırpıldı (parlak çerçeve; kırpmayı taşımak için sürükleyin). Saydam alanlar beyazla doldurulur.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>%1 as sent: %2, padded (letterboxed). Transparent areas are filled with white.</source>
            <translation>Gönderilecek %1: %2, kenar boşluklu (letterbox). Saydam alanlar beyazla doldurulur.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 as sent: %2 (not fitted).</source>
            <translation>Gönderilecek %1: %2 (sığdırılmadı).</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Move crop</source>
            <translation>Kırpmayı taşı</translation>
        </message>
        <message>
            <location line="+36" />
            <source>Use as first frame</source>
            <translation>İlk kare olarak kullan</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Use as last frame</source>
            <translation>Son kare olarak kullan</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add as reference</source>
            <translation>Referans olarak ekle</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 takes no %2.</source>
            <translation>%1 şunu almaz: %2.</translation>
        </message>
    </context>
    <context>
        <name>ImageZone</name>
        <message>
            <location filename="../../ui/editor/images.py" line="-276" />
            <source>Images (%1)</source>
            <translation>Görseller (%1)</translation>
        </message>
        <message>
            <location line="+123" />
            <source>Choose…</source>
            <translation>Seç…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick an image file: %1</source>
            <translation>Bir görsel dosyası seçin: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose an image: %1</source>
            <translation>Görsel seç: %1</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Clear: %1</source>
            <translation>Temizle: %1</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Clear</source>
            <translation>Temizle</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+22" />
            <source>Drop an image here</source>
            <translation>Görseli buraya bırakın</translation>
        </message>
        <message>
            <location line="+37" />
            <source>Choose images</source>
            <translation>Görselleri seç</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Choose an image</source>
            <translation>Bir görsel seç</translation>
        </message>
    </context>
    <context>
        <name>JobMonitor</name>
        <message>
            <location filename="../../ui/jobs/monitor.py" line="+127" />
            <source>All jobs</source>
            <translation>Tüm işler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Active</source>
            <translation>Etkin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Done</source>
            <translation>Bitenler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed or cancelled</source>
            <translation>Başarısız ya da iptal</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Search prompt, model or error</source>
            <translation>İstem, model ya da hatada ara</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Search jobs</source>
            <translation>İşlerde ara</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Shows the jobs whose prompt, model or error holds these words</source>
            <translation>İstemi, modeli ya da hatası bu sözcükleri içeren işleri gösterir</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Show jobs</source>
            <translation>Gösterilecek işler</translation>
        </message>
        <message>
            <location line="+0" />
            <source>All jobs, the active ones, the done ones, or those that failed</source>
            <translation>Tüm işler, etkin olanlar, bitenler ya da başarısız olanlar</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Jobs</source>
            <translation>İşler</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One row per generation job: model, prompt, state, progress, cost, error. Delete cancels, Ctrl+C copies.</source>
            <translation>Her üretim işi için bir satır: model, istem, durum, ilerleme, maliyet, hata. Delete iptal eder, Ctrl+C kopyalar.</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Cancel job</source>
            <translation>İşi iptal et</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Stop this job (and ask the provider to stop billing for it)</source>
            <translation>Bu işi durdur (ve sağlayıcıdan ücretlendirmeyi durdurmasını iste)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retry…</source>
            <translation>Yeniden dene…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Start a new job with the same request</source>
            <translation>Aynı istekle yeni bir iş başlat</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Show in folder</source>
            <translation>Klasörde göster</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the folder that holds the clip</source>
            <translation>Klibin bulunduğu klasörü aç</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Preview</source>
            <translation>Önizleme</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Copy details</source>
            <translation>Ayrıntıları kopyala</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Copy the job as JSON (no keys) for a bug report</source>
            <translation>Hata bildirimi için işi JSON olarak kopyala (anahtarlar olmadan)</translation>
        </message>
        <message>
            <location line="+65" />
            <source>Offline animatic</source>
            <translation>Çevrimdışı animatik</translation>
        </message>
        <message numerus="yes">
            <location line="+96" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n iş</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n running</source>
            <translation>
                <numerusform>%n çalışıyor</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n failed</source>
            <translation>
                <numerusform>%n başarısız</numerusform>
            </translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 spent</source>
            <translation>%1 harcandı</translation>
        </message>
        <message>
            <location line="+55" />
            <source>Studio lost the provider's answer to this submit: the job may be running, and billed, already. Check the provider's dashboard before retrying.</source>
            <translation>Studio bu gönderime sağlayıcının verdiği yanıtı kaybetti: iş zaten çalışıyor ve ücretlendiriliyor olabilir. Yeniden denemeden önce sağlayıcının panelini kontrol edin.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Retrying starts a new generation that costs about %1.</source>
            <translation>Yeniden denemek, yaklaşık %1 tutan yeni bir üretim başlatır.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retrying starts a new generation; its price is unknown, so it may cost as much again.</source>
            <translation>Yeniden denemek yeni bir üretim başlatır; fiyatı bilinmediği için yine aynı tutarda olabilir.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Retry now?</source>
            <translation>Şimdi yeniden denensin mi?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Retry this job?</source>
            <translation>Bu iş yeniden denensin mi?</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Copied the job's details (without keys) to the clipboard.</source>
            <translation>İşin ayrıntıları (anahtarlar olmadan) panoya kopyalandı.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Job</source>
            <translation>İş</translation>
        </message>
    </context>
    <context>
        <name>JobState</name>
        <message>
            <location filename="../../ui/jobs/model.py" line="+39" />
            <source>Queued</source>
            <translation>Sırada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submitting</source>
            <translation>Gönderiliyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Submitted</source>
            <translation>Gönderildi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Running</source>
            <translation>Çalışıyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Downloading</source>
            <translation>İndiriliyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Done</source>
            <translation>Bitti</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Failed</source>
            <translation>Başarısız</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancelled</source>
            <translation>İptal edildi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Unknown</source>
            <translation>Bilinmiyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Waiting</source>
            <translation>Bekliyor</translation>
        </message>
    </context>
    <context>
        <name>JobTableModel</name>
        <message>
            <location line="-24" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prompt</source>
            <translation>İstem</translation>
        </message>
        <message>
            <location line="+1" />
            <source>State</source>
            <translation>Durum</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Progress</source>
            <translation>İlerleme</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Maliyet</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Error</source>
            <translation>Hata</translation>
        </message>
        <message>
            <location line="+127" />
            <source>job %1</source>
            <translation>iş %1</translation>
        </message>
        <message>
            <location line="+0" />
            <source>remote %1</source>
            <translation>sağlayıcıda %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio lost the provider's answer to this submit. Check the provider's dashboard before retrying.</source>
            <translation>Studio bu gönderime sağlayıcının verdiği yanıtı kaybetti. Yeniden denemeden önce sağlayıcının panelini kontrol edin.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Kept, waiting for %1. Retry resumes it without paying again.</source>
            <translation>Saklandı, bekleniyor: %1. Yeniden denemek işi tekrar ödeme yapmadan sürdürür.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>a temporary problem to pass</source>
            <translation>geçici sorunun geçmesi</translation>
        </message>
    </context>
    <context>
        <name>KeyringHelp</name>
        <message>
            <location filename="../../ui/settings/keyring_help.py" line="+15" />
            <source>This system has no keyring service, so Studio cannot store keys. Set %1 in the environment before starting Studio instead.</source>
            <translation>Bu sistemde anahtarlık hizmeti yok, bu yüzden Studio anahtarları saklayamaz. Bunun yerine Studio’yu başlatmadan önce ortamda %1 değişkenini ayarlayın.</translation>
        </message>
        <message>
            <location line="+3" />
            <source> or </source>
            <translation> ya da </translation>
        </message>
    </context>
    <context>
        <name>LanguagePicker</name>
        <message>
            <location filename="../../ui/settings/language.py" line="+19" />
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The language of Studio's window; it changes when Studio starts again</source>
            <translation>Studio penceresinin dili; Studio yeniden başladığında değişir</translation>
        </message>
        <message>
            <location line="+2" />
            <source>As the system (%1)</source>
            <translation>Sistemdeki gibi (%1)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Takes effect when Studio starts again.</source>
            <translation>Studio yeniden başladığında geçerli olur.</translation>
        </message>
    </context>
    <context>
        <name>LedgerDialog</name>
        <message>
            <location filename="../../ui/money/ledger_dialog.py" line="+51" />
            <source>Spend</source>
            <translation>Harcama</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend ledger</source>
            <translation>Harcama defteri</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Reading the job history…</source>
            <translation>İş geçmişi okunuyor…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Spend summary</source>
            <translation>Harcama özeti</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Only this project</source>
            <translation>Yalnızca bu proje</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show only this project's jobs</source>
            <translation>Yalnızca bu projenin işlerini göster</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Project budget</source>
            <translation>Proje bütçesi</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The most this project may spend in total; 0 means no budget.</source>
            <translation>Bu projenin toplamda harcayabileceği en çok tutar; 0 bütçe yok demektir.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>No budget</source>
            <translation>Bütçe yok</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Set budget</source>
            <translation>Bütçe belirle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Set the project budget</source>
            <translation>Proje bütçesini belirle</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Budget of “{title}”:</source>
            <translation>“{title}” bütçesi:</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No project open</source>
            <translation>Açık proje yok</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Ledger views</source>
            <translation>Defter görünümleri</translation>
        </message>
        <message>
            <location line="+1" />
            <source>When</source>
            <translation>Ne zaman</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+2" />
            <source>Project</source>
            <translation>Proje</translation>
        </message>
        <message>
            <location line="-2" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Billing</source>
            <translation>Faturalama</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cost</source>
            <translation>Maliyet</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Reason</source>
            <translation>Neden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Budget</source>
            <translation>Bütçe</translation>
        </message>
        <message>
            <location line="+0" />
            <location line="+2" />
            <source>Counted</source>
            <translation>Sayılan</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+2" />
            <source>Billed</source>
            <translation>Faturalandı</translation>
        </message>
        <message>
            <location line="-1" />
            <location line="+1" />
            <source>In flight</source>
            <translation>Sürüyor</translation>
        </message>
        <message>
            <location line="-1" />
            <location line="+2" />
            <source>May be billed</source>
            <translation>Faturalanabilir</translation>
        </message>
        <message>
            <location line="-2" />
            <location line="+2" />
            <source>Not billed</source>
            <translation>Faturalanmadı</translation>
        </message>
        <message>
            <location line="-1" />
            <source>Day</source>
            <translation>Gün</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Per job</source>
            <translation>İş başına</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Per project</source>
            <translation>Proje başına</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Per day</source>
            <translation>Gün başına</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The ledger per job, per project and per day</source>
            <translation>İş, proje ve gün başına defter</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Jobs and their cost</source>
            <translation>İşler ve maliyetleri</translation>
        </message>
        <message>
            <location line="+0" />
            <source>One row per job: when, project, model, billing, cost and reason</source>
            <translation>Her iş için bir satır: ne zaman, proje, model, faturalama, maliyet ve neden</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend per project</source>
            <translation>Proje başına harcama</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Each project's budget and what it spent</source>
            <translation>Her projenin bütçesi ve harcaması</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Spend per day</source>
            <translation>Gün başına harcama</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What was spent on each day</source>
            <translation>Her gün ne harcandığı</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Billed: the clip was delivered. In flight: counted at its quote until it ends. May be billed: the provider took the job, then it failed or was cancelled. Not billed: it ended before the provider took it.</source>
            <translation>Faturalandı: klip teslim edildi. Sürüyor: bitene kadar teklif tutarıyla sayılır. Faturalanabilir: sağlayıcı işi aldı, sonra iş başarısız oldu ya da iptal edildi. Faturalanmadı: iş, sağlayıcı almadan bitti.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Refresh</source>
            <translation>Yenile</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Read the ledger again</source>
            <translation>Defteri yeniden oku</translation>
        </message>
        <message numerus="yes">
            <location line="+38" />
            <source>Billed {billed} · in flight {flight} · may be billed {maybe} · %n job(s) not billed</source>
            <translation>
                <numerusform>Faturalanan {billed} · süren {flight} · faturalanabilir {maybe} · faturalanmayan %n iş</numerusform>
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
            <translation>bilinmiyor</translation>
        </message>
        <message>
            <location line="+7" />
            <source>none</source>
            <translation>yok</translation>
        </message>
        <message numerus="yes">
            <location line="+12" />
            <source>%n job(s)</source>
            <translation>
                <numerusform>%n iş</numerusform>
            </translation>
        </message>
        <message>
            <location line="+4" />
            <source>billed</source>
            <translation>faturalandı</translation>
        </message>
        <message>
            <location line="+1" />
            <source>in flight</source>
            <translation>sürüyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>may be billed</source>
            <translation>faturalanabilir</translation>
        </message>
        <message>
            <location line="+1" />
            <source>not billed</source>
            <translation>faturalanmadı</translation>
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
            <translation>Proje ve işler yükleniyor…</translation>
        </message>
        <message>
            <location line="+78" />
            <source>&amp;New project…</source>
            <translation>&amp;Yeni proje…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Start a new project</source>
            <translation>Yeni bir proje başlat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Open project…</source>
            <translation>Proje &amp;aç…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open a project folder</source>
            <translation>Bir proje klasörü aç</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Save</source>
            <translation>&amp;Kaydet</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Save the project (Ctrl+S)</source>
            <translation>Projeyi kaydet (Ctrl+S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;as…</source>
            <translation>&amp;Farklı kaydet…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export video…</source>
            <translation>Videoyu &amp;dışa aktar…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export the finished video</source>
            <translation>Bitmiş videoyu dışa aktar</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Export &amp;timeline…</source>
            <translation>&amp;Zaman çizelgesini dışa aktar…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write the cut as an OpenTimelineIO, FCPXML or EDL timeline for an editor</source>
            <translation>Kurguyu bir kurgu programı için OpenTimelineIO, FCPXML ya da EDL zaman çizelgesi olarak yaz</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Se&amp;ttings…</source>
            <translation>Aya&amp;rlar…</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Keys, providers, budget</source>
            <translation>Anahtarlar, sağlayıcılar, bütçe</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>&amp;Çık</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Undo</source>
            <translation>&amp;Geri al</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Redo</source>
            <translation>&amp;Yinele</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Add shot</source>
            <translation>Çekim &amp;ekle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Add a shot after the selected one</source>
            <translation>Seçili olanın ardına bir çekim ekle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Duplicate shot</source>
            <translation>Çekimi &amp;çoğalt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>De&amp;lete shot</source>
            <translation>Çekimi &amp;sil</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Generate shot</source>
            <translation>Çekimi &amp;üret</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Generate the selected shot (Ctrl+Enter)</source>
            <translation>Seçili çekimi üret (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Generate &amp;missing shots</source>
            <translation>&amp;Eksik çekimleri üret</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate every shot without a take, honouring continuity</source>
            <translation>Sürümü olmayan her çekimi sürekliliği gözeterek üret</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Preview the cut</source>
            <translation>Kurguyu ö&amp;nizle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play the chosen takes in order</source>
            <translation>Seçilen sürümleri sırayla oynat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Klavye kısayolları</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Studio</source>
            <translation>Studio &amp;hakkında</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Open the &amp;data folder</source>
            <translation>&amp;Veri klasörünü aç</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Reset layout</source>
            <translation>Yerleşimi &amp;sıfırla</translation>
        </message>
        <message>
            <location line="+1" />
            <source>S&amp;pend and budget…</source>
            <translation>&amp;Harcama ve bütçe…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>What ran and what it cost, per job, project and day; the project's budget</source>
            <translation>Neyin çalıştığı ve ne tuttuğu, iş, proje ve gün başına; projenin bütçesi</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Go to %1</source>
            <translation>Git: %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>&amp;File</source>
            <translation>&amp;Dosya</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Open &amp;recent</source>
            <translation>&amp;Son açılanlar</translation>
        </message>
        <message>
            <location line="+8" />
            <source>&amp;Edit</source>
            <translation>Dü&amp;zen</translation>
        </message>
        <message>
            <location line="+4" />
            <source>&amp;View</source>
            <translation>&amp;Görünüm</translation>
        </message>
        <message>
            <location line="+7" />
            <source>&amp;Generate</source>
            <translation>&amp;Üret</translation>
        </message>
        <message>
            <location line="+6" />
            <source>&amp;Help</source>
            <translation>&amp;Yardım</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Main</source>
            <translation>Ana</translation>
        </message>
        <message>
            <location line="+6" />
            <source>New project</source>
            <translation>Yeni proje</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Open project</source>
            <translation>Proje aç</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add shot</source>
            <translation>Çekim ekle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Generate shot</source>
            <translation>Çekimi üret</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate missing shots</source>
            <translation>Eksikleri üret</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview the cut</source>
            <translation>Kurguyu önizle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Export video</source>
            <translation>Dışa aktar</translation>
        </message>
        <message>
            <location line="+68" />
            <source>No project open</source>
            <translation>Açık proje yok</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1[*] — Studio</source>
            <translation>%1[*] — Studio</translation>
        </message>
        <message>
            <location line="+2" />
            <source>unsaved changes</source>
            <translation>kaydedilmemiş değişiklikler var</translation>
        </message>
        <message>
            <location line="+11" />
            <source>unknown</source>
            <translation>bilinmiyor</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Project cost %1  ·  last 24 h %2  ·  %3 in the cut</source>
            <translation>Proje maliyeti %1  ·  son 24 sa %2  ·  kurguda %3</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Clear the list</source>
            <translation>Listeyi temizle</translation>
        </message>
        <message>
            <location line="+22" />
            <source>Select a shot first.</source>
            <translation>Önce bir çekim seçin.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>This shot has no take yet; press Generate.</source>
            <translation>Bu çekimin henüz sürümü yok; Üret’e basın.</translation>
        </message>
        <message>
            <location line="+15" />
            <source>No shot has a take yet.</source>
            <translation>Henüz hiçbir çekimin sürümü yok.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Settings are not available in this build.</source>
            <translation>Bu derlemede ayarlar kullanılamıyor.</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Export is not available in this build.</source>
            <translation>Bu derlemede dışa aktarma kullanılamıyor.</translation>
        </message>
        <message>
            <location line="+30" />
            <source>About Studio</source>
            <translation>Studio hakkında</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&lt;b&gt;Studio&lt;/b&gt;&lt;br&gt;Plan, generate, preview and export short AI videos.</source>
            <translation>&lt;b&gt;Studio&lt;/b&gt;&lt;br&gt;Kısa yapay zekâ videolarını planlayın, üretin, önizleyin ve dışa aktarın.</translation>
        </message>
    </context>
    <context>
        <name>ModelStatus</name>
        <message>
            <location filename="../../ui/model_status.py" line="-53" />
            <source>live</source>
            <translation>etkin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>paused</source>
            <translation>duraklatıldı</translation>
        </message>
        <message>
            <location line="+1" />
            <source>retired</source>
            <translation>kullanımdan kalktı</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1 since %2</source>
            <translation>%2 tarihinden beri %1</translation>
        </message>
        <message>
            <location line="+4" />
            <source>(try %1)</source>
            <translation>(%1 deneyin)</translation>
        </message>
        <message>
            <location line="+17" />
            <source>%1/s</source>
            <translation>%1/sn</translation>
        </message>
        <message>
            <location line="+16" />
            <source>%1 in steps of %2</source>
            <translation>%1, %2 adımlarla</translation>
        </message>
        <message>
            <location line="+9" />
            <source>If it does run, it is charged like any other job (%1).</source>
            <translation>Yine de çalışırsa her iş gibi ücretlendirilir (%1).</translation>
        </message>
        <message>
            <location line="+2" />
            <source>%1 is %2.</source>
            <translation>%1: %2.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The provider will most likely refuse it, and Studio will say why.</source>
            <translation>Sağlayıcı büyük olasılıkla reddedecek; Studio nedenini söyleyecek.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Send it anyway?</source>
            <translation>Yine de gönderilsin mi?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Send to a paused model?</source>
            <translation>Duraklatılmış bir modele gönderilsin mi?</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Send to a retired model?</source>
            <translation>Kullanımdan kalkmış bir modele gönderilsin mi?</translation>
        </message>
    </context>
    <context>
        <name>MoneyMixin</name>
        <message>
            <location filename="../../ui/window_money.py" line="+68" />
            <source>Nothing was sent.</source>
            <translation>Hiçbir şey gönderilmedi.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>The project has no budget now.</source>
            <translation>Projenin artık bütçesi yok.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The project's budget is now {amount}.</source>
            <translation>Projenin bütçesi artık {amount}.</translation>
        </message>
    </context>
    <context>
        <name>ParamPanel</name>
        <message>
            <location filename="../../ui/editor/params.py" line="+89" />
            <source>How long the generated clip is</source>
            <translation>Üretilen klibin süresi</translation>
        </message>
        <message>
            <location line="+11" />
            <source> s</source>
            <translation> sn</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Duration</source>
            <translation>Süre</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The clip's shape: width to height</source>
            <translation>Klibin biçimi: genişliğin yüksekliğe oranı</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Aspect</source>
            <translation>En-boy</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The clip's size in lines; larger costs more with some models</source>
            <translation>Klibin satır cinsinden boyutu; bazı modellerde büyüğü daha pahalıdır</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Resolution</source>
            <translation>Çözünürlük</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Generate sound</source>
            <translation>Ses üret</translation>
        </message>
        <message>
            <location line="+4" />
            <source>%1 always makes sound.</source>
            <translation>%1 her zaman ses üretir.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Audio</source>
            <translation>Ses</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Fixed</source>
            <translation>Sabit</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Off: a new random seed each time. On: repeatable results.</source>
            <translation>Kapalı: her seferinde yeni rastgele tohum. Açık: tekrarlanabilir sonuçlar.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Seed</source>
            <translation>Tohum</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../ui/preview/pane.py" line="+48" />
            <source>No Qt Multimedia backend here: showing frames only, without sound.</source>
            <translation>Qt Multimedia arka ucu yok: yalnızca kareler, sessiz gösteriliyor.</translation>
        </message>
        <message>
            <location line="+59" />
            <location line="+156" />
            <source>No clip selected.</source>
            <translation>Klip seçilmedi.</translation>
        </message>
        <message>
            <location line="-141" />
            <location line="+366" />
            <source>Play (Space)</source>
            <translation>Oynat (Boşluk)</translation>
        </message>
        <message>
            <location line="-361" />
            <source>Previous frame (Left)</source>
            <translation>Önceki kare (Sol)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Next frame (Right)</source>
            <translation>Sonraki kare (Sağ)</translation>
        </message>
        <message>
            <location line="+17" />
            <location line="+2" />
            <location line="+303" />
            <source>Mute</source>
            <translation>Sesi kapat</translation>
        </message>
        <message>
            <location line="-267" />
            <source>Play or pause</source>
            <translation>Oynat ya da duraklat</translation>
        </message>
        <message>
            <location line="-58" />
            <location line="+59" />
            <source>Previous frame</source>
            <translation>Önceki kare</translation>
        </message>
        <message>
            <location line="-81" />
            <source>Preview picture</source>
            <translation>Önizleme görüntüsü</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Play</source>
            <translation>Oynat</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play or pause the clip (Space)</source>
            <translation>Klibi oynat ya da duraklat (Boşluk)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>One frame back (Left)</source>
            <translation>Bir kare geri (Sol)</translation>
        </message>
        <message>
            <location line="+6" />
            <location line="+54" />
            <source>Next frame</source>
            <translation>Sonraki kare</translation>
        </message>
        <message>
            <location line="-54" />
            <source>One frame forward (Right)</source>
            <translation>Bir kare ileri (Sağ)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Position</source>
            <translation>Konum</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where the playhead is in the clip or cut</source>
            <translation>Oynatma imlecinin klipte ya da kurgudaki yeri</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Turn the sound off or on</source>
            <translation>Sesi kapat ya da aç</translation>
        </message>
        <message>
            <location line="+111" />
            <source>Loading…</source>
            <translation>Yükleniyor…</translation>
        </message>
        <message>
            <location line="+128" />
            <source>{problem}{more}; skipping it.</source>
            <translation>{problem}{more}; atlanıyor.</translation>
        </message>
        <message numerus="yes">
            <location line="-1" />
            <source> (and %n more)</source>
            <translation>
                <numerusform> (ve %n tane daha)</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>No sound device was found: playing without sound.</source>
            <translation>Ses aygıtı bulunamadı: sessiz oynatılıyor.</translation>
        </message>
        <message>
            <location line="-15" />
            <source>Nothing to play.</source>
            <translation>Oynatılacak bir şey yok.</translation>
        </message>
        <message>
            <location line="+77" />
            <source>Unmute</source>
            <translation>Sesi aç</translation>
        </message>
        <message>
            <location line="+17" />
            <source>frame %1 at %2 fps</source>
            <translation>kare %1, %2 fps</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Clip %1 of %2</source>
            <translation>Klip %1 / %2</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Pause (Space)</source>
            <translation>Duraklat (Boşluk)</translation>
        </message>
    </context>
    <context>
        <name>ProjectController</name>
        <message>
            <location filename="../../ui/project_actions.py" line="+135" />
            <source>No project</source>
            <translation>Proje yok</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Untitled</source>
            <translation>Adsız</translation>
        </message>
        <message>
            <location line="+58" />
            <source>%1 could not be opened.</source>
            <translation>%1 açılamadı.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Recovered unsaved changes from the recovery copy. Save to keep them.</source>
            <translation>Kaydedilmemiş değişiklikler kurtarma kopyasından geri getirildi. Korumak için kaydedin.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Opened %1.</source>
            <translation>%1 açıldı.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Untitled project</source>
            <translation>Adsız proje</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Created %1 in %2.</source>
            <translation>%1, %2 içinde oluşturuldu.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Opened the sample project: it runs offline on the animatic model. Press Generate missing.</source>
            <translation>Örnek proje açıldı: animatik modelle çevrimdışı çalışır. Eksikleri üret’e basın.</translation>
        </message>
        <message>
            <location line="+47" />
            <source>Saved %1.</source>
            <translation>%1 kaydedildi.</translation>
        </message>
        <message>
            <location line="+22" />
            <source>%1 already exists and is not empty; pick a new folder name.</source>
            <translation>%1 zaten var ve boş değil; yeni bir klasör adı seçin.</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Saved as %1.</source>
            <translation>%1 olarak kaydedildi.</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Autosave failed: %1</source>
            <translation>Otomatik kayıt başarısız: %1</translation>
        </message>
    </context>
    <context>
        <name>PromptEditor</name>
        <message>
            <location filename="../../ui/editor/prompt_editor.py" line="+97" />
            <source>Shot editor</source>
            <translation>Çekim düzenleyici</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The selected shot's model, prompt, images and parameters</source>
            <translation>Seçili çekimin modeli, istemi, görselleri ve parametreleri</translation>
        </message>
        <message>
            <location line="+10" />
            <location line="+190" />
            <source>No shot selected</source>
            <translation>Çekim seçilmedi</translation>
        </message>
        <message>
            <location line="-184" />
            <location line="+3" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The video model for this shot, with its price and status</source>
            <translation>Bu çekimin video modeli, fiyatı ve durumuyla</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Status: %1</source>
            <translation>Durum: %1</translation>
        </message>
        <message>
            <location line="+13" />
            <location line="+7" />
            <source>Prompt</source>
            <translation>İstem</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What the shot shows: subject, action, camera, light, mood. Ctrl+Enter generates.</source>
            <translation>Çekimin gösterdiği: konu, hareket, kamera, ışık, atmosfer. Ctrl+Enter üretir.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Describe the shot: subject, action, camera, light, mood…</source>
            <translation>Çekimi tanımlayın: konu, hareket, kamera, ışık, atmosfer…</translation>
        </message>
        <message>
            <location line="+7" />
            <location line="+2" />
            <source>Negative prompt</source>
            <translation>Negatif istem</translation>
        </message>
        <message>
            <location line="+0" />
            <source>What the model should avoid (optional)</source>
            <translation>Modelin kaçınması gerekenler (isteğe bağlı)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What to avoid (optional)</source>
            <translation>Kaçınılacaklar (isteğe bağlı)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Images</source>
            <translation>Görseller</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+6" />
            <source>Fit</source>
            <translation>Sığdırma</translation>
        </message>
        <message>
            <location line="-3" />
            <source>Crop to fill</source>
            <translation>Doldurmak için kırp</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pad (letterbox)</source>
            <translation>Kenar boşluğu (letterbox)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How a first or last frame is fitted to the model's exact size</source>
            <translation>İlk ya da son karenin modelin tam boyutuna nasıl sığdırılacağı</translation>
        </message>
        <message>
            <location line="+10" />
            <source>First frame</source>
            <translation>İlk kare</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last frame</source>
            <translation>Son kare</translation>
        </message>
        <message>
            <location line="+0" />
            <source>References</source>
            <translation>Referanslar</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The first frame, exactly as it will be sent, appears here.</source>
            <translation>İlk kare, tam olarak gönderileceği haliyle burada görünür.</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Parameters</source>
            <translation>Parametreler</translation>
        </message>
        <message>
            <location line="+21" />
            <source>Generate</source>
            <translation>Üret</translation>
        </message>
        <message>
            <location line="+2" />
            <location line="+202" />
            <source>Generate this shot (Ctrl+Enter)</source>
            <translation>Bu çekimi üret (Ctrl+Enter)</translation>
        </message>
        <message>
            <location line="-136" />
            <source>No project open</source>
            <translation>Açık proje yok</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Shot %1</source>
            <translation>Çekim %1</translation>
        </message>
        <message>
            <location line="+29" />
            <source>%1 is not in the catalog. Pick another model.</source>
            <translation>%1 katalogda yok. Başka bir model seçin.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>This model</source>
            <translation>Bu model</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is %2. Generate asks before sending it.</source>
            <translation>%1: %2. Üret, göndermeden önce sorar.</translation>
        </message>
        <message>
            <location line="+12" />
            <source>%1 takes no %2.</source>
            <translation>%1 şunu almaz: %2.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>References (up to %1)</source>
            <translation>Referanslar (en çok %1)</translation>
        </message>
        <message numerus="yes">
            <location line="+34" />
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n karakter</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>This shot's model is not in the catalog; pick another model.</source>
            <translation>Bu çekimin modeli katalogda yok; başka bir model seçin.</translation>
        </message>
        <message>
            <location line="+19" />
            <source>Cannot generate yet</source>
            <translation>Henüz üretilemez</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The first frame was fitted to %1; it is refitted to %2.</source>
            <translation>İlk kare %1 boyutuna sığdırılmıştı; %2 boyutuna yeniden sığdırılıyor.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Free (offline animatic)</source>
            <translation>Ücretsiz (çevrimdışı animatik)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Free</source>
            <translation>Ücretsiz</translation>
        </message>
        <message>
            <location line="+8" />
            <source>%1 is %2; Studio asks first.</source>
            <translation>%1: %2; Studio önce sorar.</translation>
        </message>
        <message>
            <location line="+56" />
            <source>Change model to %1</source>
            <translation>Modeli %1 yap</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Clear %1</source>
            <translation>Temizle: %1</translation>
        </message>
        <message>
            <location line="+14" />
            <source>Accept assistant prompt</source>
            <translation>Asistan istemini kabul et</translation>
        </message>
    </context>
    <context>
        <name>Prompter</name>
        <message>
            <location filename="../../ui/project_actions.py" line="-290" />
            <source>Unsaved changes</source>
            <translation>Kaydedilmemiş değişiklikler</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the changes to “%1”?</source>
            <translation>“%1” içindeki değişiklikler kaydedilsin mi?</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Your changes are lost if you don't save them.</source>
            <translation>Kaydetmezseniz değişiklikleriniz kaybolur.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Recover unsaved work?</source>
            <translation>Kaydedilmemiş çalışma kurtarılsın mı?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Studio did not close normally while “%1” had unsaved changes.

Restore them from the recovery copy? (No keeps the last saved version.)</source>
            <translation>Studio, “%1” kaydedilmemiş değişiklikler içerirken düzgün kapanmadı.

Değişiklikler kurtarma kopyasından geri getirilsin mi? (Hayır, son kaydedilen sürümü korur.)</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Open a project folder</source>
            <translation>Bir proje klasörü aç</translation>
        </message>
        <message>
            <location line="+4" />
            <source>New project</source>
            <translation>Yeni proje</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Project name:</source>
            <translation>Proje adı:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Save project as (a new folder)</source>
            <translation>Projeyi farklı kaydet (yeni bir klasör)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Project</source>
            <translation>Proje</translation>
        </message>
    </context>
    <context>
        <name>ProviderPage</name>
        <message>
            <location filename="../../ui/settings/dialog.py" line="-303" />
            <source>Sora 2 through OpenAI's Videos API, which OpenAI shut down on 2026-09-24: to use it, set the base URL to a compatible gateway (the API root, ending in /v1). The prompt assistant uses the same key, and this address unless the Assistant tab sets its own.</source>
            <translation>OpenAI'nin 24.09.2026'da kapattığı Videos API üzerinden Sora 2: kullanmak için temel URL'yi uyumlu bir ağ geçidine ayarlayın (/v1 ile biten API kökü). İstem asistanı aynı anahtarı ve, Asistan sekmesi kendi adresini belirtmedikçe, bu adresi kullanır.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Kie.ai's market jobs API (Kling; Sora 2 is paused there). Images are uploaded to Kie's file host first; the base URL replaces that host too, unless STUDIO_KIE_UPLOAD_BASE_URL is set.</source>
            <translation>Kie.ai'nin pazar yeri iş API'si (Kling; Sora 2 orada duraklatıldı). Görseller önce Kie'nin dosya sunucusuna yüklenir; STUDIO_KIE_UPLOAD_BASE_URL ayarlı değilse temel URL o sunucunun da yerine geçer.</translation>
        </message>
        <message>
            <location line="+48" />
            <source>API key</source>
            <translation>API anahtarı</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Paste a new %1 key</source>
            <translation>Yeni bir %1 anahtarı yapıştırın</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Save key</source>
            <translation>Anahtarı kaydet</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Remove</source>
            <translation>Kaldır</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the key from the keyring</source>
            <translation>Anahtarı anahtarlıktan sil</translation>
        </message>
        <message>
            <location line="+18" />
            <source>Stored in the system keyring (%1); never written to disk by Studio.</source>
            <translation>Sistem anahtarlığında saklanır (%1); Studio onu asla diske yazmaz.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Connection</source>
            <translation>Bağlantı</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The provider's own address</source>
            <translation>Sağlayıcının kendi adresi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>For a proxy or a compatible gateway; leave empty for the provider's own API</source>
            <translation>Vekil sunucu ya da uyumlu ağ geçidi için; sağlayıcının kendi API'si için boş bırakın</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Base URL</source>
            <translation>Temel URL</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 is set and wins over this field: %2</source>
            <translation>%1 tanımlı ve bu alandan öncelikli: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The model a new shot starts with when this provider is chosen</source>
            <translation>Bu sağlayıcı seçildiğinde yeni bir çekimin başladığı model</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(no preference)</source>
            <translation>(tercih yok)</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Default model</source>
            <translation>Varsayılan model</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Test connection</source>
            <translation>Bağlantıyı sına</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saves the key and address above, then asks the provider whether they work</source>
            <translation>Yukarıdaki anahtarı ve adresi kaydeder, sonra çalışıp çalışmadıklarını sağlayıcıya sorar</translation>
        </message>
        <message>
            <location line="+34" />
            <source>Saved: %1</source>
            <translation>Kayıtlı: %1</translation>
        </message>
        <message>
            <location line="+2" />
            <source>the environment</source>
            <translation>ortam</translation>
        </message>
        <message>
            <location line="+1" />
            <source>From %1: %2</source>
            <translation>%1 kaynağından: %2</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No key set.</source>
            <translation>Anahtar ayarlanmadı.</translation>
        </message>
        <message>
            <location line="+10" />
            <source>The key was not saved: %1</source>
            <translation>Anahtar kaydedilmedi: %1</translation>
        </message>
        <message>
            <location line="+38" />
            <source>Asking %1…</source>
            <translation>%1 soruluyor…</translation>
        </message>
        <message>
            <location line="+5" />
            <source>The key works.</source>
            <translation>Anahtar çalışıyor.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>✓ Connected. %1.</source>
            <translation>✓ Bağlandı. %1.</translation>
        </message>
    </context>
    <context>
        <name>QuoteDialog</name>
        <message>
            <location filename="../../ui/money/quote_dialog.py" line="+39" />
            <location line="+1" />
            <source>Quote for this run</source>
            <translation>Bu çalıştırmanın teklifi</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Run total</source>
            <translation>Çalıştırma toplamı</translation>
        </message>
        <message>
            <location line="+8" />
            <location line="+73" />
            <source>Generations in this run</source>
            <translation>Bu çalıştırmadaki üretimler</translation>
        </message>
        <message>
            <location line="-72" />
            <source>One row per generation: the shot, its model, seconds, cost and what it waits for</source>
            <translation>Her üretim için bir satır: çekim, modeli, saniye, maliyet ve neyi beklediği</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Order of the run</source>
            <translation>Çalıştırma sırası</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Budget and cap</source>
            <translation>Bütçe ve sınır</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Accept the unknown price</source>
            <translation>Bilinmeyen fiyatı kabul et</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Run is enabled only after you accept that part of the price is unknown.</source>
            <translation>Çalıştır, ancak fiyatın bir kısmının bilinmediğini kabul ettikten sonra etkinleşir.</translation>
        </message>
        <message numerus="yes">
            <location line="+4" />
            <source>Run even though the price of %n generation(s) is unknown</source>
            <translation>
                <numerusform>%n üretimin fiyatı bilinmese de çalıştır</numerusform>
            </translation>
        </message>
        <message>
            <location line="+6" />
            <source>Run</source>
            <translation>Çalıştır</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Run the storyboard</source>
            <translation>Hikâye panosunu çalıştır</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Cancel</source>
            <translation>İptal</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cancel the run</source>
            <translation>Çalıştırmayı iptal et</translation>
        </message>
        <message numerus="yes">
            <location line="+29" />
            <source>%n generation(s) · total unknown (known part {known})</source>
            <translation>
                <numerusform>%n üretim · toplam bilinmiyor (bilinen kısım {known})</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n generation(s) · total {total}</source>
            <translation>
                <numerusform>%n üretim · toplam {total}</numerusform>
            </translation>
        </message>
        <message>
            <location line="+5" />
            <source>Shot</source>
            <translation>Çekim</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Seconds</source>
            <translation>Saniye</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Cost</source>
            <translation>Maliyet</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Waits for</source>
            <translation>Bekler</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Starts</source>
            <translation>Başlar</translation>
        </message>
        <message>
            <location line="+10" />
            <source>{shot} · take {take} of {takes}</source>
            <translation>{shot} · sürüm {take} / {takes}</translation>
        </message>
        <message>
            <location line="+3" />
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <location line="+1" />
            <source>at once</source>
            <translation>hemen</translation>
        </message>
        <message>
            <location line="+0" />
            <source>step {step}</source>
            <translation>adım {step}</translation>
        </message>
        <message>
            <location line="+1" />
            <source>unknown</source>
            <translation>bilinmiyor</translation>
        </message>
        <message>
            <location line="+24" />
            <source>Order:</source>
            <translation>Sıra:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>{shot}, after {previous}</source>
            <translation>{shot}, {previous} sonrasında</translation>
        </message>
        <message>
            <location line="+8" />
            <source>{shots}, at once</source>
            <translation>{shots}, aynı anda</translation>
        </message>
        <message>
            <location line="+1" />
            <source>{number}. {step}</source>
            <translation>{number}. {step}</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Project budget {limit}: {spent} spent or in flight, {left} left.</source>
            <translation>Proje bütçesi {limit}: {spent} harcandı ya da sürüyor, {left} kaldı.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run costs more than is left; shots past the budget are refused before they are sent.</source>
            <translation>Bu çalıştırma kalandan pahalı; bütçeyi aşan çekimler gönderilmeden reddedilir.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>24-hour cap {limit}: {spent} spent, {left} left.</source>
            <translation>24 saatlik sınır {limit}: {spent} harcandı, {left} kaldı.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>This run costs more than the cap leaves; shots past it are refused before they are sent.</source>
            <translation>Bu çalıştırma sınırın bıraktığından pahalı; sınırı aşan çekimler gönderilmeden reddedilir.</translation>
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
            <translation>Ayarlar</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Settings pages</source>
            <translation>Ayar sayfaları</translation>
        </message>
        <message>
            <location line="+0" />
            <source>General, one page per provider, and the assistant</source>
            <translation>Genel, her sağlayıcı için bir sayfa ve asistan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>General</source>
            <translation>Genel</translation>
        </message>
        <message>
            <location line="+8" />
            <source>Assistant</source>
            <translation>Asistan</translation>
        </message>
        <message>
            <location line="+7" />
            <source>⚠ No keyring service was found (%1): Studio cannot store keys. Set them as environment variables instead; each provider's tab says which.</source>
            <translation>⚠ Anahtarlık hizmeti bulunamadı (%1): Studio anahtarları saklayamaz. Bunun yerine ortam değişkenleri olarak ayarlayın; her sağlayıcının sekmesi hangisi olduğunu söyler.</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <location filename="../../ui/shortcuts.py" line="+77" />
            <source>Window</source>
            <translation>Pencere</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location line="+28" />
            <location line="+1" />
            <location line="+6" />
            <source>Keyboard shortcuts</source>
            <translation>Klavye kısayolları</translation>
        </message>
        <message>
            <location line="-4" />
            <source>Every command is also in a menu (Alt and the underlined letter opens it). Tab and Shift+Tab move between controls; Alt+1 to Alt+5 go to a panel.</source>
            <translation>Her komut bir menüde de vardır (Alt ve altı çizili harf menüyü açar). Tab ve Shift+Tab denetimler arasında gezinir; Alt+1…Alt+5 bir panele gider.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Keys</source>
            <translation>Tuşlar</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Command</source>
            <translation>Komut</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where</source>
            <translation>Nerede</translation>
        </message>
        <message>
            <location line="+2" />
            <source>One row per shortcut: the keys, what they do and where they work</source>
            <translation>Her kısayol için bir satır: tuşlar, ne yaptıkları ve nerede çalıştıkları</translation>
        </message>
    </context>
    <context>
        <name>ShotJob</name>
        <message>
            <location filename="../../ui/window_generation.py" line="-182" />
            <source>queued</source>
            <translation>sırada</translation>
        </message>
        <message>
            <location line="+1" />
            <source>sending</source>
            <translation>gönderiliyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>submitted</source>
            <translation>gönderildi</translation>
        </message>
        <message>
            <location line="+1" />
            <source>generating</source>
            <translation>üretiliyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>downloading</source>
            <translation>indiriliyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>needs attention</source>
            <translation>ilgi gerekiyor</translation>
        </message>
        <message>
            <location line="+1" />
            <source>failed</source>
            <translation>başarısız</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+3" />
            <source>waiting</source>
            <translation>bekliyor</translation>
        </message>
        <message>
            <location line="-2" />
            <source>cancelled</source>
            <translation>iptal edildi</translation>
        </message>
    </context>
    <context>
        <name>ShotListModel</name>
        <message>
            <location filename="../../ui/storyboard/model.py" line="+57" />
            <source>Shot %1</source>
            <translation>Çekim %1</translation>
        </message>
    </context>
    <context>
        <name>StorySplitDialog</name>
        <message>
            <location filename="../../ui/storyboard/story_split.py" line="+52" />
            <source>Split a story into shots</source>
            <translation>Bir hikâyeyi çekimlere böl</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+54" />
            <source>Story</source>
            <translation>Hikâye</translation>
        </message>
        <message>
            <location line="-51" />
            <source>Write or paste the story. Each shot gets one camera setup and one main action.</source>
            <translation>Hikâyeyi yazın ya da yapıştırın. Her çekimde tek bir kamera düzeni ve tek bir ana hareket olur.</translation>
        </message>
        <message>
            <location line="+5" />
            <location line="+47" />
            <location line="+2" />
            <source>Shots</source>
            <translation>Çekimler</translation>
        </message>
        <message>
            <location line="-41" />
            <location line="+40" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location line="-28" />
            <source>Split</source>
            <translation>Böl</translation>
        </message>
        <message>
            <location line="+13" />
            <source>Title</source>
            <translation>Başlık</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Length</source>
            <translation>Uzunluk</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Continuity</source>
            <translation>Süreklilik</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Scene</source>
            <translation>Mekân</translation>
        </message>
        <message>
            <location line="+11" />
            <source>The selected shot's full prompt appears here.</source>
            <translation>Seçili çekimin tam istemi burada görünür.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The story to split; each shot gets one camera setup and one main action</source>
            <translation>Bölünecek hikâye; her çekimde tek bir kamera düzeni ve tek bir ana hareket olur</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many shots to split the story into</source>
            <translation>Hikâyenin kaç çekime bölüneceği</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The video model the shots are written for</source>
            <translation>Çekimlerin yazıldığı video modeli</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The shots the split made: title, length, continuity and scene</source>
            <translation>Bölmenin ürettiği çekimler: başlık, uzunluk, süreklilik ve mekân</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Prompt</source>
            <translation>İstem</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The selected shot's full prompt</source>
            <translation>Seçili çekimin tam istemi</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Close</source>
            <translation>Kapat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add shots</source>
            <translation>Çekimleri ekle</translation>
        </message>
        <message>
            <location line="+18" />
            <source>sound</source>
            <translation>sesli</translation>
        </message>
        <message>
            <location line="+0" />
            <source>silent</source>
            <translation>sessiz</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Splitting…</source>
            <translation>Bölünüyor…</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Splitting with the %1, then checking continuity…</source>
            <translation>%1 ile bölünüyor, ardından süreklilik denetleniyor…</translation>
        </message>
        <message numerus="yes">
            <location line="+14" />
            <source>%n shot(s) from the offline builder (split by sentences).</source>
            <translation>
                <numerusform>Çevrimdışı oluşturucudan %n çekim (cümlelere göre bölündü).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n shot(s) from the assistant, after a continuity pass.</source>
            <translation>
                <numerusform>Asistandan %n çekim, süreklilik denetiminden sonra.</numerusform>
            </translation>
        </message>
        <message>
            <location line="+3" />
            <source>Style</source>
            <translation>Stil</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Palette</source>
            <translation>Palet</translation>
        </message>
        <message>
            <location line="+5" />
            <source>chained ⟵ previous</source>
            <translation>zincirleme ⟵ önceki</translation>
        </message>
        <message>
            <location line="+0" />
            <source>independent</source>
            <translation>bağımsız</translation>
        </message>
        <message numerus="yes">
            <location line="+13" />
            <source>Add %n shot(s)</source>
            <translation>
                <numerusform>%n çekim ekle</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StoryboardPanel</name>
        <message>
            <location filename="../../ui/storyboard/panel.py" line="+68" />
            <source>Add shot</source>
            <translation>Çekim ekle</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Add a shot after the selected one (Ctrl+Shift+N)</source>
            <translation>Seçili olanın ardına bir çekim ekle (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Duplicate</source>
            <translation>Çoğalt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Sil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate missing</source>
            <translation>Eksikleri üret</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Generate every shot that has no take yet, honouring continuity</source>
            <translation>Henüz sürümü olmayan her çekimi sürekliliği gözeterek üret</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Split story…</source>
            <translation>Hikâyeyi böl…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Write shots from a story, with a continuity pass</source>
            <translation>Bir hikâyeden süreklilik denetimiyle çekimler yaz</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Timeline zoom</source>
            <translation>Zaman çizelgesi yakınlaştırması</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How wide a second of video is drawn on the timeline</source>
            <translation>Videonun bir saniyesinin zaman çizelgesinde ne genişlikte çizildiği</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Zoom (Ctrl+wheel on the timeline)</source>
            <translation>Yakınlaştır (zaman çizelgesinde Ctrl+tekerlek)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Takes each Generate and Generate missing makes, and on which models</source>
            <translation>Her Üret ve Eksikleri üret komutunun kaç sürüm ürettiği ve hangi modellerde</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Zoom</source>
            <translation>Yakınlaştırma</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Timeline</source>
            <translation>Zaman çizelgesi</translation>
        </message>
        <message>
            <location line="+0" />
            <source>The shots in cut order</source>
            <translation>Kurgu sırasındaki çekimler</translation>
        </message>
        <message>
            <location line="+10" />
            <source>Compare…</source>
            <translation>Karşılaştır…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Compare the shot's takes</source>
            <translation>Çekimin sürümlerini karşılaştır</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Play the shot's takes side by side and choose one</source>
            <translation>Çekimin sürümlerini yan yana oynatıp birini seçin</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete take</source>
            <translation>Sürümü sil</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Delete the chosen take</source>
            <translation>Seçili sürümü sil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Remove the chosen take from the shot; its clip stays in History</source>
            <translation>Seçili sürümü çekimden kaldır; klibi Geçmiş’te kalır</translation>
        </message>
        <message>
            <location line="+16" />
            <source>Crossfade length</source>
            <translation>Çapraz geçiş süresi</translation>
        </message>
        <message>
            <location line="+2" />
            <source>How long the crossfade into this shot lasts, up to the shorter of the two shots</source>
            <translation>Bu çekime çapraz geçişin ne kadar sürdüğü; iki çekimden kısa olanı aşamaz</translation>
        </message>
        <message>
            <location line="+7" />
            <source> s</source>
            <translation> sn</translation>
        </message>
        <message>
            <location line="+3" />
            <location line="+17" />
            <source>Take</source>
            <translation>Sürüm</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+17" />
            <source>Continuity</source>
            <translation>Süreklilik</translation>
        </message>
        <message>
            <location line="-16" />
            <location line="+17" />
            <source>Transition in</source>
            <translation>Giriş geçişi</translation>
        </message>
        <message>
            <location line="-16" />
            <source>for</source>
            <translation>süre</translation>
        </message>
        <message>
            <location line="+1" />
            <location line="+16" />
            <source>Trim in</source>
            <translation>Kırpma başı</translation>
        </message>
        <message>
            <location line="-15" />
            <source>out</source>
            <translation>sonu</translation>
        </message>
        <message>
            <location line="+12" />
            <source>Which of the selected shot's takes goes into the cut</source>
            <translation>Seçili çekimin hangi sürümünün kurguya gireceği</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How the selected shot starts from the one before it</source>
            <translation>Seçili çekimin bir öncekinden nasıl başladığı</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cut or crossfade from the previous shot</source>
            <translation>Önceki çekimden kesme ya da çapraz geçiş</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Seconds cut from the start of the chosen take</source>
            <translation>Seçili sürümün başından kesilen saniye</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Trim out</source>
            <translation>Kırpma sonu</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Where the chosen take ends, in seconds</source>
            <translation>Seçili sürümün bittiği yer, saniye olarak</translation>
        </message>
        <message numerus="yes">
            <location line="+93" />
            <source>%n shot(s)</source>
            <translation>
                <numerusform>%n çekim</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+2" />
            <source>%n without a take</source>
            <translation>
                <numerusform>%n tanesi sürümsüz</numerusform>
            </translation>
        </message>
        <message>
            <location line="+34" />
            <source>No takes yet</source>
            <translation>Henüz sürüm yok</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Take %1 · %2</source>
            <translation>Sürüm %1 · %2</translation>
        </message>
        <message>
            <location line="+8" />
            <source>The first shot has no incoming transition.</source>
            <translation>İlk çekimin giriş geçişi yoktur.</translation>
        </message>
        <message>
            <location line="+0" />
            <source>How this shot follows the previous one</source>
            <translation>Bu çekimin bir öncekini nasıl izlediği</translation>
        </message>
        <message>
            <location line="+11" />
            <location line="+1" />
            <source>Generate a take first; trims apply to the chosen take.</source>
            <translation>Önce bir sürüm üretin; kırpma seçili sürüme uygulanır.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Crossfade length: {low} up to {high} (the shorter of the two shots)</source>
            <translation>Çapraz geçiş süresi: {low} ile {high} arası (iki çekimden kısa olanı)</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Choose a crossfade to set its length.</source>
            <translation>Süresini ayarlamak için bir çapraz geçiş seçin.</translation>
        </message>
        <message>
            <location line="+43" />
            <source>The take was removed from the shot; its clip is still in the History library.</source>
            <translation>Sürüm çekimden kaldırıldı; klibi hâlâ Geçmiş kitaplığında.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Select a shot first.</source>
            <translation>Önce bir çekim seçin.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>That clip is already a take of this shot.</source>
            <translation>Bu klip zaten bu çekimin bir sürümü.</translation>
        </message>
        <message>
            <location line="+9" />
            <source>The clip is now the shot's chosen take.</source>
            <translation>Klip artık çekimin seçili sürümü.</translation>
        </message>
    </context>
    <context>
        <name>TakeTile</name>
        <message>
            <location filename="../../ui/compare/dialog.py" line="-264" />
            <source>Use this take</source>
            <translation>Bu sürümü kullan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Use this take in the cut</source>
            <translation>Bu sürümü kurguda kullan</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete take</source>
            <translation>Sürümü sil</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete this take</source>
            <translation>Bu sürümü sil</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Removes the take from the shot; its clip stays in the History library</source>
            <translation>Sürümü çekimden kaldırır; klibi Geçmiş kitaplığında kalır</translation>
        </message>
    </context>
    <context>
        <name>TakesControls</name>
        <message>
            <location filename="../../ui/storyboard/takes_controls.py" line="+29" />
            <source>Takes</source>
            <translation>Sürümler</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Takes per shot</source>
            <translation>Çekim başına sürüm</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many takes each generation makes, on each chosen model</source>
            <translation>Her üretimin seçilen her modelde kaç sürüm ürettiği</translation>
        </message>
        <message>
            <location line="+1" />
            <source>How many takes each Generate makes (per model)</source>
            <translation>Her Üret komutunun kaç sürüm ürettiği (model başına)</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Models for the takes</source>
            <translation>Sürümler için modeller</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Tick several models to make the takes on each of them (variations)</source>
            <translation>Sürümleri her birinde üretmek için birkaç model işaretleyin (varyasyonlar)</translation>
        </message>
        <message>
            <location line="+4" />
            <source>The shot's own model</source>
            <translation>Çekimin kendi modeli</translation>
        </message>
        <message>
            <location line="+61" />
            <source>Shot's model</source>
            <translation>Çekimin modeli</translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n take(s) of each shot on its own model</source>
            <translation>
                <numerusform>Her çekimin kendi modelinde %n sürüm</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+3" />
            <source>%n model(s)</source>
            <translation>
                <numerusform>%n model</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location line="+1" />
            <source>%n take(s) on each of: {models}</source>
            <translation>
                <numerusform>Şunların her birinde %n sürüm: {models}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineCanvas</name>
        <message>
            <location filename="../../ui/storyboard/timeline.py" line="+98" />
            <source>Storyboard timeline</source>
            <translation>Hikâye panosu zaman çizelgesi</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Shot cards in cut order. Left and Right select, Alt+Left and Alt+Right move the shot, Delete removes it, Ctrl+D duplicates it, Space plays or pauses the preview. Drop an image on a card for its first frame, or video clips between cards for new shots.</source>
            <translation>Kurgu sırasındaki çekim kartları. Sol ve Sağ seçer, Alt+Sol ve Alt+Sağ çekimi taşır, Delete siler, Ctrl+D çoğaltır, Boşluk önizlemeyi oynatır ya da duraklatır. İlk karesi olması için bir kartın üzerine görsel, yeni çekimler için kartların arasına video klipler bırakın.</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Select the previous shot</source>
            <translation>Önceki çekimi seç</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Select the next shot</source>
            <translation>Sonraki çekimi seç</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Move the shot left</source>
            <translation>Çekimi sola taşı</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Move the shot right</source>
            <translation>Çekimi sağa taşı</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete the shot</source>
            <translation>Çekimi sil</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Duplicate the shot</source>
            <translation>Çekimi çoğalt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview the shot</source>
            <translation>Çekimi önizle</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Play or pause the preview</source>
            <translation>Önizlemeyi oynat ya da duraklat</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Zoom the timeline</source>
            <translation>Zaman çizelgesini yakınlaştır</translation>
        </message>
        <message>
            <location line="+74" />
            <source>Crossfade %1 — click for a cut</source>
            <translation>Çapraz geçiş %1 — kesme için tıklayın</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Cut — click for a crossfade</source>
            <translation>Kesme — çapraz geçiş için tıklayın</translation>
        </message>
        <message>
            <location line="+136" />
            <source>Trim shot</source>
            <translation>Çekimi kırp</translation>
        </message>
        <message>
            <location line="+75" />
            <source>Add shot</source>
            <translation>Çekim ekle</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Generate</source>
            <translation>Üret</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Preview</source>
            <translation>Önizleme</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Take</source>
            <translation>Sürüm</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Take %1 · %2 · %3</source>
            <translation>Sürüm %1 · %2 · %3</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Compare takes…</source>
            <translation>Sürümleri karşılaştır…</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Continuity</source>
            <translation>Süreklilik</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Transition in</source>
            <translation>Giriş geçişi</translation>
        </message>
        <message>
            <location line="+9" />
            <source>Duplicate</source>
            <translation>Çoğalt</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Delete</source>
            <translation>Sil</translation>
        </message>
        <message>
            <location line="+11" />
            <source>Shot %1</source>
            <translation>Çekim %1</translation>
        </message>
    </context>
    <context>
        <name>VertexPage</name>
        <message>
            <location filename="../../ui/settings/vertex.py" line="+27" />
            <source>Drop the service account's JSON key here, choose it, or paste its text</source>
            <translation>Hizmet hesabının JSON anahtarını buraya bırakın, seçin ya da metnini yapıştırın</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Service account (JSON key)</source>
            <translation>Hizmet hesabı (JSON anahtarı)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Choose file…</source>
            <translation>Dosya seç…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Pick the JSON key downloaded from the Google Cloud console</source>
            <translation>Google Cloud konsolundan indirilen JSON anahtarını seçin</translation>
        </message>
        <message>
            <location line="+8" />
            <source>the key's own project</source>
            <translation>anahtarın kendi projesi</translation>
        </message>
        <message>
            <location line="+4" />
            <source>optional: gs://bucket/folder for results</source>
            <translation>isteğe bağlı: sonuçlar için gs://kova/klasör</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Without a bucket Vertex returns each video inline; with one it writes it there</source>
            <translation>Kova yoksa Vertex her videoyu yanıtın içinde döndürür; varsa oraya yazar</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Project</source>
            <translation>Proje</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Location</source>
            <translation>Konum</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Output bucket</source>
            <translation>Çıktı kovası</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Give the service account the Vertex AI User role in this project.</source>
            <translation>Hizmet hesabına bu projede Vertex AI User rolünü verin.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>No service account set.</source>
            <translation>Hizmet hesabı ayarlanmadı.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Saved</source>
            <translation>Kayıtlı</translation>
        </message>
        <message>
            <location line="+0" />
            <source>From %1</source>
            <translation>%1 kaynağından</translation>
        </message>
        <message>
            <location line="+1" />
            <source>%1: %2 (project %3)</source>
            <translation>%1: %2 (proje %3)</translation>
        </message>
        <message>
            <location line="+24" />
            <source>%1 cannot be read.</source>
            <translation>%1 okunamıyor.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Service-account JSON key</source>
            <translation>Hizmet hesabı JSON anahtarı</translation>
        </message>
        <message>
            <location line="+0" />
            <source>JSON key (*.json)</source>
            <translation>JSON anahtarı (*.json)</translation>
        </message>
    </context>
</TS>