// The page's strings in Italian (see ../i18n.js). "Tu", as Italian help services for young
// people write.
export default {
  "page.title": "Unshared: fai rimuovere immagini intime senza inviarle",
  "skip": "Vai al contenuto principale",
  "language.label": "Lingua",
  "noscript":
    "Questa pagina ha bisogno di JavaScript per creare le impronte delle tue foto sul tuo dispositivo.",

  "start.title": "Fai rimuovere immagini intime che ti riguardano, senza inviarle a nessuno",
  "start.lead":
    "Se qualcuno ha condiviso, o minaccia di condividere, un'immagine di te nuda, seminuda o sessuale, qui puoi chiedere che venga rimossa. Vale anche per le immagini false create con l'IA o con app per le foto.",
  "start.notYourFault": "Non è colpa tua, e non sei nei guai.",
  "start.returning": "Hai già un numero di pratica?",
  "start.returningLink": "Controlla la tua pratica",
  "add.title": "Aggiungi foto alla pratica {case}",
  "add.lead":
    "Scegli altre foto dello stesso tipo. Come prima, restano su questo dispositivo e vengono inviate solo le loro impronte.",
  "add.back": "Torna alla mia pratica",

  "pick.title": "Scegli le foto",
  "pick.hint":
    "Scegli le foto che vuoi far rimuovere, o degli screenshot. Non vengono caricate: questa pagina le esamina qui, sul tuo dispositivo.",
  "pick.drop": "Trascina qui le foto, oppure",
  "pick.choose": "Scegli le foto",
  "pick.formats": "Foto e screenshot: JPEG, PNG, WebP, GIF e la maggior parte delle foto del telefono. Video: MP4, WebM o MOV, se questo browser riesce a riprodurli.",
  "pick.listLabel": "Le foto che hai scelto",
  "pick.blur": "Sfoca le anteprime",
  "pick.remove": "Togli",
  "pick.removeLabel": "Togli {name}",
  "pick.sizeKB": "{n} KB",
  "pick.sizeMB": "{n} MB",
  "pick.noPreview": "Nessuna anteprima",

  "photo.waiting": "In attesa…",
  "photo.reading": "Lettura della foto…",
  "photo.hashing": "Creazione delle impronte…",
  "photo.decoding": "Creazione delle impronte…",
  "photo.fingerprinting": "Creazione delle impronte…",
  "photo.ready": "Impronte pronte",
  "photo.plain":
    "Pronta. Questa immagine è molto uniforme, quindi si potranno trovare solo copie identiche di questo file.",
  "photo.tiny":
    "Pronta. Questa immagine è molto piccola, quindi si potranno trovare solo copie identiche di questo file.",
  "photo.unreadable":
    "Pronta. Questo browser non riesce ad aprire questo tipo di immagine, quindi si potranno trovare solo copie identiche di questo file. Per risultati migliori, scegli un JPEG o uno screenshot dell'immagine.",
  "photo.duplicate": "Hai già scelto questa foto.",
  "photo.error.empty": "Questo file è vuoto e non può essere usato.",
  "photo.error.too_large": "Questo file è troppo grande per essere usato qui.",
  "photo.error.not_image": "Non sembra un'immagine, quindi non può essere usato.",
  "photo.error.failed": "Qualcosa è andato storto con questa foto. Prova a sceglierla di nuovo.",
  "pick.video": "Video",
  "photo.video.reading": "Apertura del video…",
  "photo.video.hashing": "Creazione delle impronte…",
  "photo.video.frames": "Impronta del video: fotogramma {i} di {n}…",
  "photo.video.ready": "Impronte del video pronte",
  "photo.video.plain": "Pronto. Questo video è troppo uniforme per un'impronta dell'immagine, quindi si potranno trovare solo copie esatte di questo file.",
  "photo.error.video_unreadable": "Questo browser non riesce a riprodurre questo video, quindi le sue impronte non si possono creare qui. Prova con una copia in MP4 o WebM, o con un altro browser.",
  "photo.error.video_too_large": "Questo video è troppo grande per usarlo qui.",
  "photo.error.video_too_long": "Questo video è troppo lungo per usarlo qui.",
  "photo.error.video_protect": "Qui i video non si possono proteggere: scegli delle foto.",
  "photo.error.cancelled": "Interrotto.",

  "progress.working": {
    one: "Creazione delle impronte: {done} foto su {n} pronta.",
    other: "Creazione delle impronte: {done} foto su {n} pronte.",
  },
  "progress.done": {
    one: "Le impronte di {n} foto sono pronte. Non è stato ancora inviato niente.",
    other: "Le impronte di {n} foto sono pronte. Non è stato ancora inviato niente.",
  },
  "progress.none": "Nessuna foto scelta per ora.",

  "send.note":
    "Quando vai avanti, vengono inviate solo le impronte. Le tue foto restano su questo dispositivo.",
  "send.new": "Invia le impronte e apri la mia pratica",
  "send.add": "Aggiungi queste impronte alla mia pratica",
  "send.sending": "Invio delle impronte…",
  "send.nothingReady":
    "Prima scegli almeno una foto e aspetta che le sue impronte siano pronte.",
  "send.preview": "Guarda esattamente cosa verrà inviato",
  "send.previewNote":
    "Questo è tutto ciò che esce dal tuo dispositivo: una riga di lettere e numeri per ogni impronta. Nessuna foto, nessun nome di file, nessuna data, nessun luogo.",

  "minor.question":
    "La persona in queste foto ha meno di 18 anni, o li aveva quando le foto sono state scattate?",
  "minor.optional":
    "Non sei obbligato a rispondere. Se rispondi sì, le piattaforme sapranno che sono immagini di una persona minorenne, che devono trattare con ancora più serietà. Non ti chiediamo mai nient'altro.",
  "minor.yes": "Sì, meno di 18 anni",
  "minor.no": "No",
  "minor.help":
    "Non sei nei guai e non hai fatto niente di sbagliato. Puoi andare avanti qui, e puoi anche chiedere aiuto.",
  "minor.takeItDown":
    "Anche Take It Down, del NCMEC (il centro statunitense per i bambini scomparsi e sfruttati), aiuta a far rimuovere immagini di persone con meno di 18 anni, nello stesso modo riservato: takeitdown.ncmec.org",
  "minor.local":
    "Per parlare con qualcuno: in Italia, Telefono Azzurro al 19696 (gratuito, anche in chat su azzurro.it) o il 114 Emergenza Infanzia; in Svizzera, il 147 di Pro Juventute. Oppure parlane con un adulto di cui ti fidi.",

  "exit.button": "Esci subito",
  "exit.hint": "oppure premi Esc tre volte",

  "how.title": "Come funziona",
  "how.1": "Scegli le foto qui. Restano sul tuo dispositivo: non vengono mai caricate.",
  "how.2":
    "Questa pagina calcola un'impronta di ogni foto: un codice breve ricavato dall'immagine, come un codice a barre.",
  "how.3":
    "Vengono inviate solo le impronte. I siti e le app che collaborano con noi le confrontano con i nuovi caricamenti e possono bloccare o rimuovere le copie delle tue foto.",
  "how.4":
    "Ricevi un numero di pratica e un PIN. Con questi puoi vedere cosa è successo, aggiungere foto o ritirare la tua pratica in qualsiasi momento.",
  "shared.title": "Cosa esce dal tuo dispositivo, e cosa no",
  "shared.sentTitle": "Inviato",
  "shared.sent1": "Le impronte delle foto che scegli.",
  "shared.sent2": "Nient'altro: non chiediamo il tuo nome, la tua email, il tuo numero di telefono o la tua età.",
  "shared.notSentTitle": "Mai inviato",
  "shared.notSent1": "Le foto stesse, o una loro parte.",
  "shared.notSent2": "I nomi dei file, le date, i luoghi o qualsiasi altra cosa salvata nelle foto.",
  "shared.reveal":
    "Da un'impronta non si può ricostruire la tua foto. Contiene solo un'idea molto vaga di dove l'immagine è più chiara o più scura: non abbastanza per vedere chi o cosa c'è. Chi ha già un'immagine può calcolarne l'impronta e verificare se corrisponde alla tua; è così che i siti trovano le copie.",
  "shared.withdraw":
    "Hai sempre il controllo: se ritiri la tua pratica, le tue impronte smettono subito di funzionare.",
  "tech.title": "I dettagli tecnici",
  "tech.body":
    "Per ogni foto questa pagina calcola tre hash nel tuo browser: PDQ, un hash percettivo (256 bit) che trova anche copie ridimensionate o leggermente modificate, e MD5 e SHA-256, che trovano copie identiche del file. Le immagini troppo uniformi per PDQ ricevono solo MD5 e SHA-256. Vengono inviati solo questi hash. La pagina non carica niente da altri siti.",

  "help.title": "Aiuto e prossimi passi",
  "help.nextTitle": "Cosa succede adesso",
  "help.next1":
    "Subito: le tue impronte entrano nell'elenco. Le piattaforme che partecipano scaricano regolarmente le nuove impronte, di solito entro poche ore.",
  "help.next2":
    "Quando una piattaforma trova un'immagine corrispondente, la controlla e la rimuove secondo le proprie regole, di solito entro pochi giorni. Quello che segnala compare nella pagina della tua pratica.",
  "help.next3":
    "Se trovi una copia da qualche parte, aggiungi il suo link alla tua pratica: possiamo chiedere al sito di rimuoverla e mostrarti quanto tempo ha per rispondere.",
  "help.sitesTitle": "Quali siti partecipano",
  "help.sites":
    "Social network, app di messaggistica, siti di video e immagini e siti per adulti che hanno aderito. Non tutti i siti partecipano: per questo puoi anche segnalare i link uno per uno.",
  "help.threatTitle": "Qualcuno mi sta minacciando",
  "help.threatPay":
    "Non pagare e non inviare nient'altro. Pagare raramente fa smettere il ricatto, e spesso porta a nuove richieste.",
  "help.threatEvidence":
    "Conserva le prove: screenshot dei messaggi, i nomi degli account e i link, e le date.",
  "help.threatBlock":
    "Poi smetti di rispondere e blocca la persona. Apri una pratica qui, così le copie potranno essere trovate se condivide le immagini.",
  "help.threatReport":
    "Denuncia il fatto alla Polizia Postale o ad altre forze dell'ordine, e segnalalo alla piattaforma dove ti ha contattato; una linea di aiuto può aiutarti a farlo. Sei vittima di un reato, e non sei nei guai.",
  "help.linesTitle": "Chi può aiutarti",
  "help.lines":
    "Italia: Telefono Azzurro, 19696 (ascolto gratuito per bambini e ragazzi, azzurro.it); 114 Emergenza Infanzia; 1522, numero antiviolenza e stalking; Garante per la protezione dei dati personali, segnalazione per il revenge porn (gpdp.it/revengeporn); Polizia Postale (commissariatodips.it). Svizzera: 147 di Pro Juventute (147.ch), per bambini e ragazzi. Ovunque: StopNCII.org.",

  "created.title": "La tua pratica è aperta",
  "created.lead":
    "I siti e le app che collaborano con noi ora possono cercare copie di queste foto. Ecco quello che ti serve per seguire la tua pratica.",
  "created.caseLabel": "Numero di pratica",
  "created.pinLabel": "PIN",
  "created.copy": "Copia",
  "created.copyCase": "Copia il numero di pratica",
  "created.copyPin": "Copia il PIN",
  "created.copied": "Copiato.",
  "created.copyFailed": "Non è stato possibile copiare. Seleziona il testo e copialo tu.",
  "created.warningTitle": "Salvali adesso",
  "created.warning":
    "Il PIN non verrà mostrato di nuovo, e nessuno può recuperarlo per te, nemmeno noi. Ti servono il numero di pratica e il PIN per controllare la tua pratica, aggiungere foto o ritirarla.",
  "created.download": "Scarica come file di testo",
  "created.downloadHint":
    "Oppure scrivili da qualche parte. Tienili in un posto privato che solo tu puoi aprire.",
  "created.saved": "Ho salvato il mio numero di pratica e il PIN",
  "created.continue": "Vai alla mia pratica",
  "created.savedFirst": "Prima salva il numero di pratica e il PIN, poi spunta la casella.",
  "created.support":
    "Non devi affrontare tutto questo da solo. Se puoi, parlane con qualcuno di cui ti fidi. Se hai meno di 18 anni, un adulto di fiducia può aiutarti.",

  "file.name": "unshared-pratica-{case}.txt",
  "file.body":
    "Unshared: la tua pratica\n\nNumero di pratica: {case}\nPIN: {pin}\nAperta: {date}\n\nTi servono entrambi per controllare la tua pratica, aggiungere foto o ritirarla, su {address}\nIl PIN non può essere mostrato di nuovo. Tieni questo file in un posto privato.\n",

  "signin.title": "Controlla la tua pratica",
  "signin.lead": "Inserisci il numero di pratica e il PIN che hai ricevuto quando hai aperto la pratica.",
  "signin.case": "Numero di pratica",
  "signin.caseHint": "Ha questo formato: UN-XXXX-XXXX.",
  "signin.pin": "PIN",
  "signin.pinHint": "Ha questo formato: XXXXX-XXXXX.",
  "signin.submit": "Apri la mia pratica",
  "signin.opening": "Apertura della tua pratica…",
  "signin.back": "Torna all'inizio",
  "signin.missingCase": "Inserisci il numero di pratica.",
  "signin.missingPin": "Inserisci il PIN.",
  "signin.lost":
    "Hai perso il PIN? Non può essere recuperato. Puoi aprire una nuova pratica con le stesse foto in qualsiasi momento.",

  "status.title": "La tua pratica {case}",
  "status.active": "Attiva: i siti e le app che collaborano con noi stanno cercando queste foto.",
  "status.withdrawn": "Ritirata il {date}. Queste impronte non corrispondono più a niente.",
  "status.opened": "Aperta il {date}.",
  "status.hashesTitle": "Le tue impronte",
  "status.hashesCount": { one: "{n} impronta.", other: "{n} impronte." },
  "status.hashesNote":
    "Ogni foto dà fino a tre impronte: una dell'immagine e due del file esatto.",
  "status.showHashes": "Mostra ogni impronta",
  "status.colAdded": "Aggiunta",
  "status.colKind": "Tipo",
  "status.colState": "Stato",
  "status.kind.pdq": "Immagine (trova anche copie modificate)",
  "status.kind.md5": "File esatto",
  "status.kind.sha256": "File esatto",
  "status.kind.other": "Altro",
  "status.kind.vpdq": "Video (trova anche le copie ricodificate)",
  "status.state.active": "In ricerca",
  "status.state.withdrawn": "Ritirata",
  "status.state.disabled": "Messa in pausa dal nostro team di revisione",
  "status.state.quarantined": "In sospeso mentre il nostro team la controlla",
  "status.reportsTitle": "Cosa ci hanno comunicato siti e app",
  "status.reportsNone":
    "Ancora niente. È normale: un sito ci avvisa solo quando trova una copia di una delle tue foto.",
  "status.colWhen": "Quando",
  "status.colWhat": "Cosa è successo",
  "status.outcome.removed": "È stata trovata una copia ed è stata rimossa.",
  "status.outcome.blocked": "Qualcuno ha provato a caricare una copia, ed è stata bloccata.",
  "status.outcome.queued": "È stata trovata una possibile copia, che il sito deve ancora controllare.",
  "status.outcome.not_ncii":
    "Il sito ha controllato una possibile copia e ha deciso che non corrisponde a questa richiesta.",
  "status.outcome.duplicate": "È stata trovata una copia che era già stata gestita.",
  "status.outcome.not_found": "Il sito ha cercato una copia, ma non c'era più.",
  "status.outcome.other": "Il sito ha inviato un aggiornamento.",
  "status.add": "Aggiungi altre foto",
  "status.withdraw": "Ritira la mia pratica",
  "status.refresh": "Controlla di nuovo",
  "status.close": "Per ora ho finito",
  "status.closeHint":
    "Questa pagina conserva il numero di pratica e il PIN solo finché è aperta. Quando hai finito, li dimentica; la tua pratica continua.",
  "status.added": {
    one: "Sono state aggiunte le impronte di {n} foto.",
    other: "Sono state aggiunte le impronte di {n} foto.",
  },
  "status.addedWithVideos": {
    one: "Sono state aggiunte le impronte di {n} foto o video.",
    other: "Sono state aggiunte le impronte di {n} foto e video.",
  },
  "status.addedNone": "Quelle foto erano già nella tua pratica, quindi non è cambiato niente.",
  "status.refreshed": "Aggiornato.",
  "status.withdrawnNote": "La tua pratica è ritirata. Puoi aprirne una nuova in qualsiasi momento.",
  "status.newCase": "Apri una nuova pratica",

  "takedown.loading": "Caricamento…",
  "links.title": "Link alle copie",
  "links.lead":
    "Se hai trovato online una copia della tua foto, dicci dove. Il nostro server visita il link e confronta ciò che trova con le tue impronte. Conserva solo le impronte di ciò che ha trovato, mai l'immagine, e questa pagina non apre mai il link.",
  "links.none": "Non hai segnalato nessun link.",
  "links.heading": "Su {host}",
  "links.unknownHost": "un sito",
  "links.url": "Indirizzo",
  "links.reported": "Segnalato",
  "links.checked": "Ultimo controllo",
  "links.notChecked": "non ancora",
  "links.status.reported": "Non ancora controllato.",
  "links.status.verified": "Controllato: qui c'è una copia di una delle tue foto.",
  "links.status.not_matching": "Controllato: quello che c'è qui non corrisponde alle tue foto.",
  "links.status.unreachable":
    "Non siamo riusciti a controllare questo link: il sito non ha risposto o non ci ha permesso di vederlo.",
  "links.status.removed": "Sparita: la copia non è più qui.",
  "links.status.other": "Controllato.",
  "links.recheck": "Controlla di nuovo questo link",
  "links.rechecking": "Controllo in corso…",
  "links.noticeOpen": "Qui sotto c'è una richiesta di rimozione per questo link.",
  "links.regime": "In base a quale legge",
  "links.prepare": "Prepara una richiesta di rimozione",
  "links.preparing": "Preparazione…",
  "links.formTitle": "Segnala un link",
  "links.urlLabel": "Indirizzo della copia",
  "links.urlHint":
    "Copialo dalla barra degli indirizzi del browser (inizia con https://). Viene inviato solo questo indirizzo.",
  "links.submit": "Controlla questo link",
  "links.checking": "Controllo del link…",
  "links.result.verified":
    "Abbiamo controllato il link: contiene una copia di una delle tue foto. Ora è nel tuo elenco di link.",
  "links.result.not_matching":
    "Abbiamo controllato il link, ma quello che c'è non corrisponde alle tue foto. Un'immagine molto modificata potrebbe non essere trovata in questo modo.",
  "links.result.unreachable":
    "Non siamo riusciti a controllare il link: il sito non ha risposto o non ci ha permesso di vederlo. Puoi riprovare più tardi.",
  "links.result.removed": "Abbiamo controllato il link: la copia non c'è più.",
  "links.result.reported": "Il link è salvato e verrà controllato.",
  "links.error.empty": "Incolla l'indirizzo della copia.",
  "links.error.not_a_url":
    "Non sembra un indirizzo web. Copialo dalla barra degli indirizzi del browser.",
  "links.error.scheme":
    "Si possono controllare solo indirizzi web (quelli che iniziano con http:// o https://).",
  "links.error.address":
    "Questo indirizzo porta a una rete privata, non a un sito pubblico, quindi non può essere controllato.",
  "links.error.too_long": "Questo indirizzo è troppo lungo per essere controllato.",
  "links.error.userinfo": "Gli indirizzi che contengono un nome utente o una password non possono essere controllati.",
  "links.error.refused": "Questo link non può essere controllato.",
  "links.error.rate_limited":
    "Hai segnalato molti link nell'ultima ora. Aspetta {minutes} minuti e riprova.",
  "links.error.conflict":
    "Questa pratica è ritirata, quindi non si possono segnalare o controllare link.",
  "links.error.fetch_failed":
    "Non siamo riusciti a raggiungere quel sito. Controlla l'indirizzo o riprova più tardi.",
  "links.serviceSaid": "Il servizio ha risposto: {message}",

  "notices.title": "Richieste di rimozione",
  "notices.lead":
    "Una richiesta di rimozione chiede al sito che ospita una copia di toglierla, nella forma prevista dalla legge. Quando il sito la riceve, ha un termine per agire; dopo il termine controlliamo di nuovo il link.",
  "notices.unavailable": "Le richieste di rimozione non sono ancora disponibili su questo server.",
  "notices.none":
    "Ancora nessuna richiesta. Quando un link è stato controllato e contiene una copia, puoi prepararne una.",
  "notices.heading": "Richiesta a {host}",
  "notices.overdueBy": "Scaduta da {time}",
  "notices.left": "Il sito ha ancora {time} per agire",
  "notices.noDeadline": "Non ancora inviata, quindi ancora nessun termine",
  "notices.closed": "Chiusa il {date}",
  "notices.state.draft":
    "Pronta, non inviata. Scaricala per inviarla tu, oppure chiedici di inviarla per te.",
  "notices.state.sent": "Inviata. Il sito deve agire prima della scadenza.",
  "notices.state.authorised": "Ci hai chiesto di inviarla per te: la invieremo presto.",
  "notices.state.acknowledged": "Il sito ha confermato di aver ricevuto la richiesta.",
  "notices.state.removed": "Fatto: la copia è stata rimossa.",
  "notices.state.overdue":
    "Scaduta: dopo la scadenza la copia era ancora lì. È pronto un sollecito.",
  "notices.state.due": "Il termine è scaduto. Presto controlleremo di nuovo il link.",
  "notices.state.withdrawn": "Ritirata. Non verrà inviato più niente.",
  "notices.state.other": "La richiesta è cambiata.",
  "notices.law": "Legge",
  "notices.url": "Indirizzo",
  "notices.how": "Come viene inviata",
  "notices.how.download": "La invii tu",
  "notices.how.email": "Via email a {recipient}",
  "notices.how.emailNoRecipient": "Via email",
  "notices.how.forYou": "(la inviamo noi per te)",
  "notices.sent": "Inviata",
  "notices.deadline": "Scadenza",
  "notices.followUp": "Questo è un sollecito di una richiesta precedente che non è stata gestita in tempo.",
  "notices.actions": "Cosa fare della richiesta a {host}",
  "notices.format": "Tipo di file",
  "notices.format.pdf": "PDF",
  "notices.format.html": "Pagina web (HTML)",
  "notices.format.text": "Testo semplice",
  "notices.download": "Scarica la richiesta",
  "notices.downloading": "Preparazione del file…",
  "notices.downloadHint":
    "Se la invii tu, prima rileggila e aggiungi il tuo nome, i tuoi contatti e la tua firma dove richiesto.",
  "notices.downloaded": "La richiesta è stata salvata su questo dispositivo come {name}.",
  "notices.authorise": "Chiedi che la inviate per me",
  "notices.withdraw": "Ritira questa richiesta",
  "notices.withdrawConfirm":
    "Ritirare questa richiesta? Non la invieremo e non faremo più solleciti. Una richiesta già inviata non può essere annullata.",
  "notices.withdrawYes": "Sì, ritira la richiesta",
  "notices.withdrawNo": "No, tienila",
  "notices.withdrawing": "Ritiro in corso…",
  "notices.withdrawn": "La richiesta è stata ritirata.",
  "notices.drafted": "La richiesta è pronta: la trovi in Richieste di rimozione.",
  "notices.error.gone":
    "Questa richiesta non esiste più. Scegli Controlla di nuovo per vedere le tue richieste come sono adesso.",
  "regime.us_take_it_down": "Stati Uniti: TAKE IT DOWN Act",
  "regime.eu_dsa_16": "Unione europea: regolamento sui servizi digitali (DSA), articolo 16",
  "regime.uk_osa": "Regno Unito: Online Safety Act",
  "regime.other": "Un'altra legge",
  "regime.hint":
    "Scegli dove ha sede il sito, se lo sai. Se non sei sicuro, le persone che gestiscono questo servizio possono aiutarti.",

  "authorise.title": "Chiedici di inviare questa richiesta per te",
  "authorise.lead":
    "Le persone che gestiscono questo servizio invieranno la richiesta al sito e terranno d'occhio la scadenza. Perché la richiesta sia valida, la legge chiede il nome della persona nell'immagine, o di qualcuno autorizzato ad agire per lei (un genitore, per esempio), un modo per contattarla e una firma.",
  "authorise.privacy":
    "I tuoi dati vengono usati solo per questa richiesta: vanno al sito che ospita la copia, perché possa agire. Non vengono mai mostrati agli altri siti e app che collaborano con Unshared, e non vengono mai usati per altro.",
  "authorise.name": "Nome e cognome",
  "authorise.nameHint":
    "I tuoi, se l'immagine ritrae te; se agisci per la persona nell'immagine, i tuoi come genitore, tutore o rappresentante.",
  "authorise.email": "Indirizzo email",
  "authorise.signature": "Firma",
  "authorise.signatureHint": "Scrivi nome e cognome: è la tua firma elettronica.",
  "authorise.phone": "Numero di telefono (facoltativo)",
  "authorise.address": "Indirizzo postale (facoltativo)",
  "authorise.goodFaith":
    "Dichiaro in buona fede che questa immagine è stata condivisa senza il consenso della persona ritratta.",
  "authorise.missing.name": "Inserisci nome e cognome.",
  "authorise.missing.email": "Inserisci un indirizzo email a cui puoi essere contattato.",
  "authorise.missing.signature": "Scrivi nome e cognome come firma.",
  "authorise.missing.goodFaith": "La richiesta può essere inviata solo con questa dichiarazione.",
  "authorise.badEmail": "Non sembra un indirizzo email.",
  "authorise.submit": "Invia la richiesta per me",
  "authorise.sending": "Invio…",
  "authorise.cancel": "Annulla",
  "authorise.done": "Grazie. Invieremo la richiesta e terremo d'occhio la scadenza.",

  "withdraw.title": "Ritirare la tua pratica?",
  "withdraw.body":
    "Se la ritiri, le tue impronte smettono subito di funzionare, ovunque vengano usate. I siti non bloccheranno né troveranno più queste foto grazie a questa pratica.",
  "withdraw.undo":
    "Non si può annullare, ma puoi aprire una nuova pratica con le stesse foto in qualsiasi momento.",
  "withdraw.confirm": "Sì, ritira la mia pratica",
  "withdraw.cancel": "No, tieni la mia pratica",
  "withdraw.working": "Ritiro della tua pratica…",
  "withdraw.done": "Fatto: la tua pratica è ritirata.",

  "error.unauthorized":
    "Non abbiamo trovato una pratica con quel numero e quel PIN. Controlla entrambi e riprova.",
  "error.rate_limited":
    "Troppi tentativi. Per la tua sicurezza, aspetta {minutes} minuti e riprova.",
  "error.conflict":
    "Questa pratica è ritirata, quindi non si possono aggiungere foto. Puoi aprire una nuova pratica.",
  "error.too_large": "Sono troppe foto tutte insieme. Prova con meno.",
  "error.invalid_input": "Qualcosa nella richiesta non andava. Riprova, o scegli di nuovo le foto.",
  "error.unavailable": "Il servizio si sta avviando. Riprova tra un minuto.",
  "error.network":
    "Non siamo riusciti a raggiungere il servizio. Controlla la connessione a internet e riprova. Le tue foto sono ancora solo qui.",
  "error.server": "Qualcosa è andato storto da parte nostra. Riprova tra qualche minuto.",

  "footer.privacy":
    "Unshared non riceve mai le tue foto. Questa pagina non carica niente da altri siti e non crea nessun account.",
  "footer.source": "Unshared è open source.",

  // Protecting ordinary photos.
  "protect.offerTitle": "Temi che qualcuno faccia dei falsi con le tue foto normali?",
  "protect.offer":
    "Alcune app possono trasformare una foto normale, per esempio dai social, in un falso nudo. Qui puoi proteggere foto normali che ti ritraggono, così i siti che collaborano con noi possono trovare le copie modificate ricavate da esse.",
  "protect.go": "Proteggi le mie foto normali",
  "protect.title": "Proteggi foto normali che ti ritraggono",
  "protect.add.title": "Proteggi altre foto nella pratica {case}",
  "protect.lead":
    "Scegli foto normali che ti ritraggono e che qualcuno potrebbe modificare per creare un falso, come le foto dei tuoi social. Questa pagina crea qui, sul tuo dispositivo, le loro impronte e una mappa dei piccoli dettagli di ciascuna (le sue caratteristiche), e invia solo queste. Così i siti che collaborano con noi possono trovare una copia modificata, anche se una parte della foto è stata sostituita.",
  "protect.warningTitle": "Qui solo foto normali, mai foto intime",
  "protect.warning":
    "Le caratteristiche dicono di una foto più delle impronte: partendo da esse, qualcuno potrebbe ricostruire un contorno approssimativo dell'immagine. Non la foto in sé, ma forse abbastanza per indovinare cosa mostra. Per questo scegli solo foto che non ti darebbe fastidio far vedere a chiunque.",
  "protect.warningIntimate":
    "Se vuoi far rimuovere un'immagine intima, torna indietro e usa la prima pagina: invia solo impronte.",
  "protect.techTitle": "Cosa sono le caratteristiche, tecnicamente",
  "protect.techBody":
    "Per ogni foto questa pagina calcola gli stessi tre hash di sempre (PDQ, MD5, SHA-256) e fino a 500 punti chiave ORB: dove si trova ogni piccolo dettaglio e 256 confronti chiaro-scuro intorno a esso. Vengono calcolati con OpenCV nel tuo browser, la stessa versione usata dal server, scaricata solo quando proteggi delle foto. Sono conservati solo sul nostro server, mai condivisi con i siti, e cancellati se ritiri la tua pratica.",
  "protect.hint":
    "Scegli foto normali che ti ritraggono. Non vengono caricate: questa pagina le esamina qui, sul tuo dispositivo.",
  "protect.loading": "Preparazione della protezione delle foto: un download unico di circa 4 MB…",
  "protect.ready": "Pronto per proteggere le foto.",
  "protect.unavailable":
    "La protezione delle foto non è disponibile qui, in questo browser o su questo server. Puoi comunque chiedere la rimozione di immagini intime.",
  "protect.back": "Torna all'inizio",
  "protect.sendNote":
    "Quando vai avanti, vengono inviate solo le impronte e le caratteristiche di queste foto. Le foto restano su questo dispositivo.",
  "protect.previewNote":
    "Questo è tutto ciò che esce dal tuo dispositivo. Le caratteristiche sono lunghe sequenze di lettere e numeri, qui accorciate: la loro lunghezza è indicata alla fine. Nessuna foto, nessun nome di file, nessuna data, nessun luogo.",
  "protect.send.new": "Proteggi queste foto e apri la mia pratica",
  "protect.send.add": "Proteggi anche queste foto",
  "protect.send.sending": "Invio…",
  "protect.send.nothingReady":
    "Prima scegli almeno una foto normale e aspetta che sia pronta per essere protetta.",
  "protect.progress.working": {
    one: "Preparazione delle foto: {done} foto su {n} pronta.",
    other: "Preparazione delle foto: {done} foto su {n} pronte.",
  },
  "protect.progress.done": {
    one: "{n} foto è pronta per essere protetta. Non è stato ancora inviato niente.",
    other: "{n} foto sono pronte per essere protette. Non è stato ancora inviato niente.",
  },
  "protect.status.active":
    "Attiva: i siti e le app che collaborano con noi stanno cercando copie modificate di queste foto.",
  "protect.status.added": {
    one: "{n} altra foto è protetta.",
    other: "Altre {n} foto sono protette.",
  },
  "protect.hashesNote":
    "Ogni foto dà tre impronte. Anche le sue caratteristiche vengono conservate, solo sul nostro server, e cancellate se ritiri la tua pratica.",
  "protect.withdraw": "Anche le caratteristiche delle tue foto vengono cancellate dal nostro server.",
  "photo.features": "Ricerca dei dettagli da proteggere…",
  "photo.protect.ready": "Pronta per essere protetta",
  "photo.protect.plain": "Questa immagine è troppo uniforme per essere protetta: non verrà inviata.",
  "photo.protect.tiny": "Questa immagine è troppo piccola per essere protetta: non verrà inviata.",
  "photo.protect.few": "Questa immagine ha troppo pochi dettagli per essere protetta: non verrà inviata.",
  "photo.protect.unreadable":
    "Questo browser non riesce ad aprire questo tipo di immagine, quindi non può essere protetta. Prova con un JPEG o uno screenshot dell'immagine.",
  "photo.error.unavailable": "La protezione delle foto non è disponibile qui.",
};
