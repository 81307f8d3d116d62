// The page's strings in German (see ../i18n.js). "Du", as German help services for young people
// and for those affected by online violence write.
export default {
  "page.title": "Unshared: intime Bilder entfernen lassen, ohne sie zu verschicken",
  "skip": "Zum Hauptinhalt springen",
  "language.label": "Sprache",
  "noscript":
    "Diese Seite braucht JavaScript, um die Fingerabdrücke deiner Fotos auf deinem eigenen Gerät zu erstellen.",

  "start.title": "Intime Bilder von dir entfernen lassen, ohne sie jemandem zu schicken",
  "start.lead":
    "Wenn jemand ein Nackt-, Halbnackt- oder sexuelles Bild von dir geteilt hat oder damit droht, kannst du hier verlangen, dass es entfernt wird. Das gilt auch für gefälschte Bilder, die mit KI oder Foto-Apps gemacht wurden.",
  "start.notYourFault": "Es ist nicht deine Schuld, und du bekommst keinen Ärger.",
  "start.returning": "Hast du schon eine Fallnummer?",
  "start.returningLink": "Deinen Fall ansehen",
  "add.title": "Fotos zu Fall {case} hinzufügen",
  "add.lead":
    "Wähle weitere Fotos derselben Art. Wie zuvor bleiben sie auf diesem Gerät, und nur ihre Fingerabdrücke werden gesendet.",
  "add.back": "Zurück zu meinem Fall",

  "pick.title": "Fotos auswählen",
  "pick.hint":
    "Wähle die Fotos, die entfernt werden sollen, oder Screenshots davon. Sie werden nicht hochgeladen: Diese Seite sieht sie sich hier an, auf deinem Gerät.",
  "pick.drop": "Fotos hier ablegen, oder",
  "pick.choose": "Fotos auswählen",
  "pick.formats": "Fotos und Screenshots: JPEG, PNG, WebP, GIF und die meisten Handyfotos. Videos: MP4, WebM oder MOV, wenn dieser Browser sie abspielen kann.",
  "pick.listLabel": "Deine ausgewählten Fotos",
  "pick.blur": "Vorschaubilder unscharf machen",
  "pick.remove": "Entfernen",
  "pick.removeLabel": "{name} entfernen",
  "pick.sizeKB": "{n} KB",
  "pick.sizeMB": "{n} MB",
  "pick.noPreview": "Keine Vorschau",

  "photo.waiting": "Wartet…",
  "photo.reading": "Foto wird gelesen…",
  "photo.hashing": "Fingerabdrücke werden erstellt…",
  "photo.decoding": "Fingerabdrücke werden erstellt…",
  "photo.fingerprinting": "Fingerabdrücke werden erstellt…",
  "photo.ready": "Fingerabdrücke fertig",
  "photo.plain":
    "Fertig. Dieses Bild ist sehr einfarbig, deshalb können nur exakte Kopien dieser Datei gefunden werden.",
  "photo.tiny":
    "Fertig. Dieses Bild ist sehr klein, deshalb können nur exakte Kopien dieser Datei gefunden werden.",
  "photo.unreadable":
    "Fertig. Dieser Browser kann diese Bildart nicht öffnen, deshalb können nur exakte Kopien dieser Datei gefunden werden. Für bessere Ergebnisse wähle ein JPEG oder einen Screenshot davon.",
  "photo.duplicate": "Du hast dieses Foto schon ausgewählt.",
  "photo.error.empty": "Diese Datei ist leer und kann nicht verwendet werden.",
  "photo.error.too_large": "Diese Datei ist zu groß, um sie hier zu verwenden.",
  "photo.error.not_image": "Das sieht nicht wie ein Bild aus und kann nicht verwendet werden.",
  "photo.error.failed": "Bei diesem Foto ist etwas schiefgegangen. Wähle es bitte noch einmal aus.",
  "pick.video": "Video",
  "photo.video.reading": "Das Video wird geöffnet…",
  "photo.video.hashing": "Die Fingerabdrücke werden erstellt…",
  "photo.video.frames": "Fingerabdruck des Videos: Bild {i} von {n}…",
  "photo.video.ready": "Fingerabdrücke des Videos fertig",
  "photo.video.plain": "Fertig. Dieses Video ist zu gleichförmig für einen Bild-Fingerabdruck, daher können nur exakte Kopien dieser Datei gefunden werden.",
  "photo.error.video_unreadable": "Dieser Browser kann dieses Video nicht abspielen, daher können seine Fingerabdrücke hier nicht erstellt werden. Versuche es mit einer MP4- oder WebM-Kopie oder einem anderen Browser.",
  "photo.error.video_too_large": "Dieses Video ist zu groß, um es hier zu verwenden.",
  "photo.error.video_too_long": "Dieses Video ist zu lang, um es hier zu verwenden.",
  "photo.error.video_protect": "Videos können hier nicht geschützt werden: Wähle Fotos aus.",
  "photo.error.cancelled": "Abgebrochen.",

  "progress.working": {
    one: "Fingerabdrücke werden erstellt: {done} von {n} Foto fertig.",
    other: "Fingerabdrücke werden erstellt: {done} von {n} Fotos fertig.",
  },
  "progress.done": {
    one: "Die Fingerabdrücke von {n} Foto sind fertig. Es wurde noch nichts gesendet.",
    other: "Die Fingerabdrücke von {n} Fotos sind fertig. Es wurde noch nichts gesendet.",
  },
  "progress.none": "Noch keine Fotos ausgewählt.",

  "send.note":
    "Wenn du weitermachst, werden nur die Fingerabdrücke gesendet. Deine Fotos bleiben auf diesem Gerät.",
  "send.new": "Fingerabdrücke senden und meinen Fall eröffnen",
  "send.add": "Diese Fingerabdrücke zu meinem Fall hinzufügen",
  "send.sending": "Fingerabdrücke werden gesendet…",
  "send.nothingReady":
    "Wähle zuerst mindestens ein Foto und warte, bis seine Fingerabdrücke fertig sind.",
  "send.preview": "Genau ansehen, was gesendet wird",
  "send.previewNote":
    "Das ist alles, was dein Gerät verlässt: eine Zeile aus Buchstaben und Zahlen pro Fingerabdruck. Kein Foto, kein Dateiname, kein Datum, kein Ort.",

  "minor.question":
    "Ist die Person auf diesen Fotos unter 18, oder war sie es, als die Fotos gemacht wurden?",
  "minor.optional":
    "Du musst nicht antworten. Wenn du Ja sagst, erfahren die Plattformen, dass es Bilder einer minderjährigen Person sind, die sie noch ernster nehmen müssen. Wir fragen nie etwas anderes über dich.",
  "minor.yes": "Ja, unter 18",
  "minor.no": "Nein",
  "minor.help":
    "Du bekommst keinen Ärger, und du hast nichts falsch gemacht. Du kannst hier weitermachen, und du kannst dir auch Hilfe holen.",
  "minor.takeItDown":
    "Take It Down vom NCMEC (dem US-amerikanischen Zentrum für vermisste und ausgebeutete Kinder) hilft ebenfalls, Bilder von Menschen unter 18 entfernen zu lassen, auf dieselbe vertrauliche Weise: takeitdown.ncmec.org",
  "minor.local":
    "Zum Reden: in Deutschland die Nummer gegen Kummer, 116 111 (kostenlos und anonym); in Österreich Rat auf Draht, 147; in der Schweiz die 147 von Pro Juventute. Oder sprich mit einer erwachsenen Person, der du vertraust.",

  "exit.button": "Schnell verlassen",
  "exit.hint": "oder drücke dreimal Esc",

  "how.title": "So funktioniert es",
  "how.1": "Du wählst die Fotos hier aus. Sie bleiben auf deinem Gerät: Sie werden nie hochgeladen.",
  "how.2":
    "Diese Seite berechnet von jedem Foto einen Fingerabdruck: einen kurzen Code aus dem Bild, wie einen Strichcode dafür.",
  "how.3":
    "Nur die Fingerabdrücke werden gesendet. Websites und Apps, die mit uns zusammenarbeiten, vergleichen neue Uploads damit und können Kopien deiner Fotos blockieren oder entfernen.",
  "how.4":
    "Du bekommst eine Fallnummer und eine PIN. Damit kannst du jederzeit sehen, was passiert ist, Fotos hinzufügen oder deinen Fall zurückziehen.",
  "shared.title": "Was dein Gerät verlässt, und was nicht",
  "shared.sentTitle": "Gesendet",
  "shared.sent1": "Die Fingerabdrücke der Fotos, die du auswählst.",
  "shared.sent2": "Sonst nichts: Wir fragen nicht nach deinem Namen, deiner E-Mail, Telefonnummer oder deinem Alter.",
  "shared.notSentTitle": "Nie gesendet",
  "shared.notSent1": "Die Fotos selbst oder irgendein Teil davon.",
  "shared.notSent2": "Die Dateinamen, Daten, Orte oder alles andere, was in den Fotos gespeichert ist.",
  "shared.reveal":
    "Aus einem Fingerabdruck lässt sich dein Foto nicht zurückgewinnen. Er enthält nur eine sehr grobe Vorstellung davon, wo das Bild heller oder dunkler ist: nicht genug, um zu sehen, wer oder was darauf ist. Wer ein Bild schon hat, kann dessen Fingerabdruck berechnen und prüfen, ob er zu deinem passt; so finden Websites Kopien.",
  "shared.withdraw":
    "Du behältst die Kontrolle: Wenn du deinen Fall zurückziehst, hören deine Fingerabdrücke sofort auf zu wirken.",
  "tech.title": "Die technischen Details",
  "tech.body":
    "Für jedes Foto berechnet diese Seite in deinem Browser drei Hashes: PDQ, einen wahrnehmungsbasierten Hash (256 Bit), der auch verkleinerte oder leicht bearbeitete Kopien findet, sowie MD5 und SHA-256, die exakte Kopien der Datei finden. Für PDQ zu einfarbige Bilder bekommen nur MD5 und SHA-256. Nur diese Hashes werden gesendet. Die Seite lädt nichts von anderen Websites.",

  "help.title": "Hilfe und nächste Schritte",
  "help.nextTitle": "Wie es weitergeht",
  "help.next1":
    "Sofort: Deine Fingerabdrücke kommen auf die Liste. Teilnehmende Plattformen holen neue Fingerabdrücke regelmäßig ab, meist innerhalb weniger Stunden.",
  "help.next2":
    "Findet eine Plattform ein passendes Bild, prüft sie es und entfernt es nach ihren eigenen Regeln, meist innerhalb weniger Tage. Was sie meldet, steht auf der Seite deines Falls.",
  "help.next3":
    "Wenn du irgendwo eine Kopie findest, füge ihren Link zu deinem Fall hinzu: Wir können die Website auffordern, sie zu entfernen, und dir zeigen, wie lange sie Zeit für eine Antwort hat.",
  "help.sitesTitle": "Welche Websites mitmachen",
  "help.sites":
    "Soziale Netzwerke, Messenger, Video- und Bilderdienste und Erwachsenenseiten, die sich angeschlossen haben. Nicht jede Website macht mit: Deshalb kannst du Links auch einzeln melden.",
  "help.threatTitle": "Jemand bedroht mich",
  "help.threatPay":
    "Zahle nicht und schicke nichts mehr. Zahlen beendet die Erpressung selten und führt oft zu weiteren Forderungen.",
  "help.threatEvidence":
    "Sichere Beweise: Screenshots der Nachrichten, die Kontonamen und Links und die Daten.",
  "help.threatBlock":
    "Antworte dann nicht mehr und blockiere die Person. Eröffne hier einen Fall, damit Kopien gefunden werden können, falls sie die Bilder teilt.",
  "help.threatReport":
    "Zeige es bei der Polizei an und melde es der Plattform, auf der dich die Person kontaktiert hat; eine Beratungsstelle kann dir dabei helfen. Du bist Opfer einer Straftat, und du bekommst keinen Ärger.",
  "help.linesTitle": "Wer helfen kann",
  "help.lines":
    "Deutschland: HateAid, Beratung bei bildbasierter sexualisierter Gewalt (hateaid.org); Kinder und Jugendliche, Nummer gegen Kummer, 116 111; Hilfetelefon Gewalt gegen Frauen, 116 016. Österreich: Rat auf Draht, 147 (rataufdraht.at). Schweiz: 147 von Pro Juventute (147.ch), für Kinder und Jugendliche. Überall: StopNCII.org.",

  "created.title": "Dein Fall ist eröffnet",
  "created.lead":
    "Websites und Apps, die mit uns zusammenarbeiten, können jetzt nach Kopien dieser Fotos suchen. Hier ist, was du brauchst, um deinen Fall zu verfolgen.",
  "created.caseLabel": "Fallnummer",
  "created.pinLabel": "PIN",
  "created.copy": "Kopieren",
  "created.copyCase": "Fallnummer kopieren",
  "created.copyPin": "PIN kopieren",
  "created.copied": "Kopiert.",
  "created.copyFailed": "Kopieren hat nicht geklappt. Markiere den Text und kopiere ihn selbst.",
  "created.warningTitle": "Speichere das jetzt",
  "created.warning":
    "Die PIN wird nicht noch einmal angezeigt, und niemand kann sie für dich wiederfinden, auch wir nicht. Du brauchst Fallnummer und PIN, um deinen Fall anzusehen, Fotos hinzuzufügen oder ihn zurückzuziehen.",
  "created.download": "Als Textdatei herunterladen",
  "created.downloadHint":
    "Oder schreib sie auf. Bewahre sie an einem privaten Ort auf, den nur du öffnen kannst.",
  "created.saved": "Ich habe meine Fallnummer und PIN gespeichert",
  "created.continue": "Zu meinem Fall",
  "created.savedFirst": "Bitte speichere zuerst deine Fallnummer und PIN und setze dann das Häkchen.",
  "created.support":
    "Du musst das nicht allein durchstehen. Wenn du kannst, sprich mit jemandem, dem du vertraust. Wenn du unter 18 bist, kann dir eine erwachsene Vertrauensperson helfen.",

  "file.name": "unshared-fall-{case}.txt",
  "file.body":
    "Unshared: dein Fall\n\nFallnummer: {case}\nPIN: {pin}\nEröffnet: {date}\n\nDu brauchst beides, um deinen Fall anzusehen, Fotos hinzuzufügen oder ihn zurückzuziehen, unter {address}\nDie PIN kann nicht noch einmal angezeigt werden. Bewahre diese Datei an einem privaten Ort auf.\n",

  "signin.title": "Deinen Fall ansehen",
  "signin.lead": "Gib die Fallnummer und die PIN ein, die du beim Eröffnen deines Falls bekommen hast.",
  "signin.case": "Fallnummer",
  "signin.caseHint": "Sie sieht so aus: UN-XXXX-XXXX.",
  "signin.pin": "PIN",
  "signin.pinHint": "Sie sieht so aus: XXXXX-XXXXX.",
  "signin.submit": "Meinen Fall öffnen",
  "signin.opening": "Dein Fall wird geöffnet…",
  "signin.back": "Zurück zum Anfang",
  "signin.missingCase": "Gib deine Fallnummer ein.",
  "signin.missingPin": "Gib deine PIN ein.",
  "signin.lost":
    "PIN verloren? Sie kann nicht wiederhergestellt werden. Du kannst jederzeit einen neuen Fall mit denselben Fotos eröffnen.",

  "status.title": "Dein Fall {case}",
  "status.active": "Aktiv: Websites und Apps, die mit uns zusammenarbeiten, suchen nach diesen Fotos.",
  "status.withdrawn": "Zurückgezogen am {date}. Diese Fingerabdrücke passen auf nichts mehr.",
  "status.opened": "Eröffnet am {date}.",
  "status.hashesTitle": "Deine Fingerabdrücke",
  "status.hashesCount": { one: "{n} Fingerabdruck.", other: "{n} Fingerabdrücke." },
  "status.hashesNote":
    "Jedes Foto ergibt bis zu drei Fingerabdrücke: einen vom Bild und zwei von der exakten Datei.",
  "status.showHashes": "Jeden Fingerabdruck anzeigen",
  "status.colAdded": "Hinzugefügt",
  "status.colKind": "Art",
  "status.colState": "Status",
  "status.kind.pdq": "Bild (findet auch bearbeitete Kopien)",
  "status.kind.md5": "Exakte Datei",
  "status.kind.sha256": "Exakte Datei",
  "status.kind.other": "Sonstiges",
  "status.kind.vpdq": "Video (findet auch neu codierte Kopien)",
  "status.state.active": "Wird gesucht",
  "status.state.withdrawn": "Zurückgezogen",
  "status.state.disabled": "Von unserem Prüfteam pausiert",
  "status.state.quarantined": "Angehalten, während unser Team es prüft",
  "status.reportsTitle": "Was Websites und Apps uns gemeldet haben",
  "status.reportsNone":
    "Noch nichts. Das ist normal: Eine Website meldet sich nur, wenn sie eine Kopie eines deiner Fotos findet.",
  "status.colWhen": "Wann",
  "status.colWhat": "Was passiert ist",
  "status.outcome.removed": "Eine Kopie wurde gefunden und entfernt.",
  "status.outcome.blocked": "Jemand hat versucht, eine Kopie hochzuladen, und sie wurde blockiert.",
  "status.outcome.queued": "Eine mögliche Kopie wurde gefunden und wartet auf die Prüfung durch die Website.",
  "status.outcome.not_ncii":
    "Die Website hat eine mögliche Kopie geprüft und entschieden, dass sie nicht zu dieser Anfrage passt.",
  "status.outcome.duplicate": "Es wurde eine Kopie gefunden, die schon bearbeitet worden war.",
  "status.outcome.not_found": "Die Website hat nach einer Kopie gesucht, aber sie war schon weg.",
  "status.outcome.other": "Die Website hat eine Aktualisierung geschickt.",
  "status.add": "Weitere Fotos hinzufügen",
  "status.withdraw": "Meinen Fall zurückziehen",
  "status.refresh": "Erneut prüfen",
  "status.close": "Ich bin fürs Erste fertig",
  "status.closeHint":
    "Diese Seite behält deine Fallnummer und PIN nur, solange sie geöffnet ist. Wenn du fertig bist, vergisst sie beides; dein Fall läuft weiter.",
  "status.added": {
    one: "Die Fingerabdrücke von {n} Foto wurden hinzugefügt.",
    other: "Die Fingerabdrücke von {n} Fotos wurden hinzugefügt.",
  },
  "status.addedWithVideos": {
    one: "Die Fingerabdrücke von {n} Foto oder Video wurden hinzugefügt.",
    other: "Die Fingerabdrücke von {n} Fotos und Videos wurden hinzugefügt.",
  },
  "status.addedNone": "Diese Fotos waren schon in deinem Fall, deshalb hat sich nichts geändert.",
  "status.refreshed": "Auf dem neuesten Stand.",
  "status.withdrawnNote": "Dein Fall ist zurückgezogen. Du kannst jederzeit einen neuen Fall eröffnen.",
  "status.newCase": "Einen neuen Fall eröffnen",

  "takedown.loading": "Wird geladen…",
  "links.title": "Links zu Kopien",
  "links.lead":
    "Wenn du eine Kopie deines Fotos im Netz gefunden hast, sag uns, wo. Unser Server ruft den Link auf und vergleicht, was er dort findet, mit deinen Fingerabdrücken. Er behält nur die Fingerabdrücke dessen, was er gefunden hat, nie das Bild, und diese Seite öffnet den Link nie.",
  "links.none": "Du hast keine Links gemeldet.",
  "links.heading": "Auf {host}",
  "links.unknownHost": "einer Website",
  "links.url": "Adresse",
  "links.reported": "Gemeldet",
  "links.checked": "Zuletzt geprüft",
  "links.notChecked": "noch nicht",
  "links.status.reported": "Noch nicht geprüft.",
  "links.status.verified": "Geprüft: Hier ist eine Kopie eines deiner Fotos.",
  "links.status.not_matching": "Geprüft: Was hier ist, passt nicht zu deinen Fotos.",
  "links.status.unreachable":
    "Wir konnten diesen Link nicht prüfen: Die Website hat nicht geantwortet oder uns nichts sehen lassen.",
  "links.status.removed": "Weg: Die Kopie ist hier nicht mehr.",
  "links.status.other": "Geprüft.",
  "links.recheck": "Diesen Link erneut prüfen",
  "links.rechecking": "Wird geprüft…",
  "links.noticeOpen": "Für diesen Link gibt es unten eine Löschaufforderung.",
  "links.regime": "Nach welchem Gesetz",
  "links.prepare": "Löschaufforderung vorbereiten",
  "links.preparing": "Wird vorbereitet…",
  "links.formTitle": "Einen Link melden",
  "links.urlLabel": "Adresse der Kopie",
  "links.urlHint":
    "Kopiere sie aus der Adresszeile deines Browsers (sie beginnt mit https://). Nur diese Adresse wird gesendet.",
  "links.submit": "Diesen Link prüfen",
  "links.checking": "Der Link wird geprüft…",
  "links.result.verified":
    "Wir haben den Link geprüft: Dort ist eine Kopie eines deiner Fotos. Er steht jetzt in deiner Liste der Links.",
  "links.result.not_matching":
    "Wir haben den Link geprüft, aber was dort ist, passt nicht zu deinen Fotos. Ein stark verändertes Bild wird auf diese Weise vielleicht nicht gefunden.",
  "links.result.unreachable":
    "Wir konnten den Link nicht prüfen: Die Website hat nicht geantwortet oder uns nichts sehen lassen. Du kannst es später noch einmal versuchen.",
  "links.result.removed": "Wir haben den Link geprüft: Die Kopie ist weg.",
  "links.result.reported": "Der Link ist gespeichert und wird geprüft.",
  "links.error.empty": "Füge die Adresse der Kopie ein.",
  "links.error.not_a_url":
    "Das sieht nicht wie eine Webadresse aus. Kopiere sie aus der Adresszeile deines Browsers.",
  "links.error.scheme":
    "Nur Webadressen (die mit http:// oder https:// beginnen) können geprüft werden.",
  "links.error.address":
    "Diese Adresse führt in ein privates Netz, nicht zu einer öffentlichen Website, und kann deshalb nicht geprüft werden.",
  "links.error.too_long": "Diese Adresse ist zu lang, um sie zu prüfen.",
  "links.error.userinfo": "Adressen mit Benutzername oder Passwort können nicht geprüft werden.",
  "links.error.refused": "Dieser Link kann nicht geprüft werden.",
  "links.error.rate_limited":
    "Du hast in der letzten Stunde viele Links gemeldet. Bitte warte {minutes} Minuten und versuche es dann erneut.",
  "links.error.conflict":
    "Dieser Fall ist zurückgezogen, deshalb können keine Links gemeldet oder geprüft werden.",
  "links.error.fetch_failed":
    "Wir konnten diese Website nicht erreichen. Prüfe die Adresse oder versuche es später noch einmal.",
  "links.serviceSaid": "Der Dienst hat geantwortet: {message}",

  "notices.title": "Löschaufforderungen",
  "notices.lead":
    "Eine Löschaufforderung fordert die Website, auf der eine Kopie ist, in der gesetzlich verlangten Form auf, sie zu entfernen. Sobald die Website sie hat, läuft eine Frist; nach der Frist prüfen wir den Link erneut.",
  "notices.unavailable": "Löschaufforderungen sind auf diesem Server noch nicht verfügbar.",
  "notices.none":
    "Noch keine Aufforderungen. Sobald ein Link geprüft ist und eine Kopie enthält, kannst du eine vorbereiten.",
  "notices.heading": "Aufforderung an {host}",
  "notices.overdueBy": "Seit {time} überfällig",
  "notices.left": "Die Website hat noch {time}, um zu handeln",
  "notices.noDeadline": "Noch nicht gesendet, deshalb noch keine Frist",
  "notices.closed": "Abgeschlossen am {date}",
  "notices.state.draft":
    "Fertig, nicht gesendet. Lade sie herunter, um sie selbst zu senden, oder bitte uns, sie für dich zu senden.",
  "notices.state.sent": "Gesendet. Die Website muss vor Ablauf der Frist handeln.",
  "notices.state.authorised": "Du hast uns gebeten, sie für dich zu senden: Wir senden sie bald.",
  "notices.state.acknowledged": "Die Website hat bestätigt, dass sie die Aufforderung erhalten hat.",
  "notices.state.removed": "Erledigt: Die Kopie wurde entfernt.",
  "notices.state.overdue":
    "Überfällig: Die Kopie war nach Ablauf der Frist noch da. Eine Nachfassaufforderung ist bereit.",
  "notices.state.due": "Die Frist ist abgelaufen. Wir prüfen den Link bald erneut.",
  "notices.state.withdrawn": "Zurückgezogen. Es wird nichts mehr gesendet.",
  "notices.state.other": "Die Aufforderung hat sich geändert.",
  "notices.law": "Gesetz",
  "notices.url": "Adresse",
  "notices.how": "Wie sie gesendet wird",
  "notices.how.download": "Du sendest sie selbst",
  "notices.how.email": "Per E-Mail an {recipient}",
  "notices.how.emailNoRecipient": "Per E-Mail",
  "notices.how.forYou": "(wir senden sie für dich)",
  "notices.sent": "Gesendet",
  "notices.deadline": "Frist",
  "notices.followUp": "Dies fasst eine frühere Aufforderung nach, die nicht rechtzeitig bearbeitet wurde.",
  "notices.actions": "Was mit der Aufforderung an {host} geschehen soll",
  "notices.format": "Dateityp",
  "notices.format.pdf": "PDF",
  "notices.format.html": "Webseite (HTML)",
  "notices.format.text": "Reiner Text",
  "notices.download": "Aufforderung herunterladen",
  "notices.downloading": "Datei wird vorbereitet…",
  "notices.downloadHint":
    "Wenn du sie selbst sendest, lies sie vorher durch und ergänze deinen Namen, deine Kontaktdaten und deine Unterschrift, wo danach gefragt wird.",
  "notices.downloaded": "Die Aufforderung wurde auf diesem Gerät als {name} gespeichert.",
  "notices.authorise": "Bitten, dass ihr sie für mich sendet",
  "notices.withdraw": "Diese Aufforderung zurückziehen",
  "notices.withdrawConfirm":
    "Diese Aufforderung zurückziehen? Wir senden sie nicht und fassen nicht mehr nach. Eine bereits gesendete Aufforderung lässt sich nicht zurückholen.",
  "notices.withdrawYes": "Ja, Aufforderung zurückziehen",
  "notices.withdrawNo": "Nein, behalten",
  "notices.withdrawing": "Wird zurückgezogen…",
  "notices.withdrawn": "Die Aufforderung wurde zurückgezogen.",
  "notices.drafted": "Die Aufforderung ist fertig: Du findest sie unter Löschaufforderungen.",
  "notices.error.gone":
    "Diese Aufforderung gibt es nicht mehr. Wähle Erneut prüfen, um deine Aufforderungen im aktuellen Stand zu sehen.",
  "regime.us_take_it_down": "Vereinigte Staaten: TAKE IT DOWN Act",
  "regime.eu_dsa_16": "Europäische Union: Gesetz über digitale Dienste (DSA), Artikel 16",
  "regime.uk_osa": "Vereinigtes Königreich: Online Safety Act",
  "regime.other": "Ein anderes Gesetz",
  "regime.hint":
    "Wähle, wo die Website ihren Sitz hat, falls du es weißt. Wenn du unsicher bist, können die Menschen helfen, die diesen Dienst betreiben.",

  "authorise.title": "Uns bitten, diese Aufforderung für dich zu senden",
  "authorise.lead":
    "Die Menschen, die diesen Dienst betreiben, senden die Aufforderung an die Website und behalten die Frist im Blick. Damit die Aufforderung zählt, verlangt das Gesetz den Namen der Person auf dem Bild oder einer Person, die für sie handeln darf (zum Beispiel eines Elternteils), eine Kontaktmöglichkeit und eine Unterschrift.",
  "authorise.privacy":
    "Deine Angaben werden nur für diese Aufforderung verwendet: Sie gehen an die Website, auf der die Kopie ist, damit sie handeln kann. Sie werden nie den anderen Websites und Apps gezeigt, die mit Unshared zusammenarbeiten, und nie für etwas anderes verwendet.",
  "authorise.name": "Vollständiger Name",
  "authorise.nameHint":
    "Deiner, wenn das Bild dich zeigt; wenn du für die Person auf dem Bild handelst, deiner als Elternteil, Vormund oder Vertretung.",
  "authorise.email": "E-Mail-Adresse",
  "authorise.signature": "Unterschrift",
  "authorise.signatureHint": "Tippe deinen vollständigen Namen: Das ist deine elektronische Unterschrift.",
  "authorise.phone": "Telefonnummer (freiwillig)",
  "authorise.address": "Postanschrift (freiwillig)",
  "authorise.goodFaith":
    "Ich erkläre in gutem Glauben, dass dieses Bild ohne Einwilligung der abgebildeten Person geteilt wurde.",
  "authorise.missing.name": "Gib deinen vollständigen Namen ein.",
  "authorise.missing.email": "Gib eine E-Mail-Adresse ein, unter der du erreichbar bist.",
  "authorise.missing.signature": "Tippe deinen vollständigen Namen als Unterschrift.",
  "authorise.missing.goodFaith": "Die Aufforderung kann nur mit dieser Erklärung gesendet werden.",
  "authorise.badEmail": "Das sieht nicht wie eine E-Mail-Adresse aus.",
  "authorise.submit": "Aufforderung für mich senden",
  "authorise.sending": "Wird gesendet…",
  "authorise.cancel": "Abbrechen",
  "authorise.done": "Danke. Wir senden die Aufforderung und behalten die Frist im Blick.",

  "withdraw.title": "Deinen Fall zurückziehen?",
  "withdraw.body":
    "Wenn du ihn zurückziehst, hören deine Fingerabdrücke sofort auf zu wirken, überall, wo sie verwendet werden. Websites werden diese Fotos wegen dieses Falls nicht mehr blockieren oder finden.",
  "withdraw.undo":
    "Das lässt sich nicht rückgängig machen, aber du kannst jederzeit einen neuen Fall mit denselben Fotos eröffnen.",
  "withdraw.confirm": "Ja, meinen Fall zurückziehen",
  "withdraw.cancel": "Nein, meinen Fall behalten",
  "withdraw.working": "Dein Fall wird zurückgezogen…",
  "withdraw.done": "Erledigt: Dein Fall ist zurückgezogen.",

  "error.unauthorized":
    "Wir haben keinen Fall mit dieser Nummer und PIN gefunden. Prüfe beides und versuche es erneut.",
  "error.rate_limited":
    "Zu viele Versuche. Zu deiner Sicherheit warte bitte {minutes} Minuten und versuche es dann erneut.",
  "error.conflict":
    "Dieser Fall ist zurückgezogen, deshalb können keine Fotos hinzugefügt werden. Du kannst einen neuen Fall eröffnen.",
  "error.too_large": "Das sind zu viele Fotos auf einmal. Versuche es mit weniger.",
  "error.invalid_input":
    "Etwas an der Anfrage hat nicht gestimmt. Versuche es erneut oder wähle die Fotos noch einmal aus.",
  "error.unavailable": "Der Dienst startet gerade. Bitte versuche es in einer Minute erneut.",
  "error.network":
    "Wir konnten den Dienst nicht erreichen. Prüfe deine Internetverbindung und versuche es erneut. Deine Fotos sind weiterhin nur hier.",
  "error.server": "Bei uns ist etwas schiefgegangen. Bitte versuche es in ein paar Minuten erneut.",

  "footer.privacy":
    "Unshared bekommt deine Fotos nie. Diese Seite lädt nichts von anderen Websites und legt kein Konto an.",
  "footer.source": "Unshared ist Open Source.",

  // Protecting ordinary photos.
  "protect.offerTitle": "Sorgst du dich, dass jemand aus deinen normalen Fotos Fälschungen macht?",
  "protect.offer":
    "Apps können aus einem normalen Foto, etwa aus sozialen Medien, ein gefälschtes Nacktbild machen. Du kannst hier normale Fotos von dir schützen, damit Websites, die mit uns zusammenarbeiten, daraus bearbeitete Kopien finden können.",
  "protect.go": "Meine normalen Fotos schützen",
  "protect.title": "Normale Fotos von dir schützen",
  "protect.add.title": "Weitere Fotos in Fall {case} schützen",
  "protect.lead":
    "Wähle normale Fotos von dir, aus denen jemand eine Fälschung machen könnte, zum Beispiel Fotos aus deinen sozialen Medien. Diese Seite erstellt hier, auf deinem Gerät, ihre Fingerabdrücke und eine Karte kleiner Details in jedem Foto (seine Merkmale) und sendet nur diese. Websites, die mit uns zusammenarbeiten, können dann eine bearbeitete Kopie finden, auch wenn ein Teil des Fotos ersetzt wurde.",
  "protect.warningTitle": "Hier nur normale Fotos, nie intime",
  "protect.warning":
    "Die Merkmale verraten mehr über ein Foto als Fingerabdrücke: Aus ihnen könnte jemand einen groben Umriss des Bildes rekonstruieren. Nicht das Foto selbst, aber vielleicht genug, um zu erraten, was darauf ist. Wähle deshalb nur Fotos, bei denen es dir nichts ausmachen würde, wenn jeder sie sieht.",
  "protect.warningIntimate":
    "Wenn du ein intimes Bild entfernen lassen willst, geh zurück und nutze stattdessen die erste Seite: Sie sendet nur Fingerabdrücke.",
  "protect.techTitle": "Was die Merkmale technisch sind",
  "protect.techBody":
    "Für jedes Foto berechnet diese Seite dieselben drei Hashes wie immer (PDQ, MD5, SHA-256) und bis zu 500 ORB-Schlüsselpunkte: wo jedes kleine Detail liegt und 256 Hell-Dunkel-Vergleiche um es herum. Sie werden mit OpenCV in deinem Browser berechnet, derselben Version, die der Server nutzt, und die nur heruntergeladen wird, wenn du Fotos schützt. Sie werden nur auf unserem Server gespeichert, nie mit Websites geteilt und gelöscht, wenn du deinen Fall zurückziehst.",
  "protect.hint":
    "Wähle normale Fotos von dir. Sie werden nicht hochgeladen: Diese Seite sieht sie sich hier an, auf deinem Gerät.",
  "protect.loading": "Das Schützen von Fotos wird vorbereitet: ein einmaliger Download von etwa 4 MB…",
  "protect.ready": "Bereit, Fotos zu schützen.",
  "protect.unavailable":
    "Fotos schützen ist hier nicht verfügbar, in diesem Browser oder auf diesem Server. Du kannst trotzdem verlangen, dass intime Bilder entfernt werden.",
  "protect.back": "Zurück zum Anfang",
  "protect.sendNote":
    "Wenn du weitermachst, werden nur die Fingerabdrücke und Merkmale dieser Fotos gesendet. Die Fotos bleiben auf diesem Gerät.",
  "protect.previewNote":
    "Das ist alles, was dein Gerät verlässt. Die Merkmale sind lange Folgen aus Buchstaben und Zahlen, hier gekürzt: Ihre Länge steht am Ende. Kein Foto, kein Dateiname, kein Datum, kein Ort.",
  "protect.send.new": "Diese Fotos schützen und meinen Fall eröffnen",
  "protect.send.add": "Diese Fotos auch schützen",
  "protect.send.sending": "Wird gesendet…",
  "protect.send.nothingReady":
    "Wähle zuerst mindestens ein normales Foto und warte, bis es bereit zum Schützen ist.",
  "protect.progress.working": {
    one: "Fotos werden vorbereitet: {done} von {n} Foto fertig.",
    other: "Fotos werden vorbereitet: {done} von {n} Fotos fertig.",
  },
  "protect.progress.done": {
    one: "{n} Foto ist bereit zum Schützen. Es wurde noch nichts gesendet.",
    other: "{n} Fotos sind bereit zum Schützen. Es wurde noch nichts gesendet.",
  },
  "protect.status.active":
    "Aktiv: Websites und Apps, die mit uns zusammenarbeiten, suchen nach bearbeiteten Kopien dieser Fotos.",
  "protect.status.added": {
    one: "{n} weiteres Foto ist geschützt.",
    other: "{n} weitere Fotos sind geschützt.",
  },
  "protect.hashesNote":
    "Jedes Foto ergibt drei Fingerabdrücke. Seine Merkmale werden ebenfalls gespeichert, nur auf unserem Server, und gelöscht, wenn du deinen Fall zurückziehst.",
  "protect.withdraw": "Die Merkmale deiner Fotos werden auch von unserem Server gelöscht.",
  "photo.features": "Details zum Schützen werden gesucht…",
  "photo.protect.ready": "Bereit zum Schützen",
  "photo.protect.plain": "Dieses Bild ist zu einfarbig, um es zu schützen: Es wird nicht gesendet.",
  "photo.protect.tiny": "Dieses Bild ist zu klein, um es zu schützen: Es wird nicht gesendet.",
  "photo.protect.few": "Dieses Bild hat zu wenige Details, um es zu schützen: Es wird nicht gesendet.",
  "photo.protect.unreadable":
    "Dieser Browser kann diese Bildart nicht öffnen, deshalb kann es nicht geschützt werden. Versuche ein JPEG oder einen Screenshot davon.",
  "photo.error.unavailable": "Fotos schützen ist hier nicht verfügbar.",
};
