// The page's strings in French (see ../i18n.js). French spacing: a no-break space before : ; ? !
export default {
  "page.title": "Unshared : faire retirer des images intimes sans les envoyer",
  "skip": "Aller au contenu principal",
  "language.label": "Langue",
  "noscript":
    "Cette page a besoin de JavaScript pour créer les empreintes de vos photos sur votre propre appareil.",

  "start.title": "Faire retirer des images intimes de vous, sans les envoyer à personne",
  "start.lead":
    "Si quelqu'un a partagé, ou menace de partager, une image de vous nue, dénudée ou sexuelle, vous pouvez demander ici qu'elle soit retirée. Cela vaut aussi pour les fausses images faites avec l'IA ou des applis photo.",
  "start.notYourFault": "Ce n'est pas de votre faute, et vous n'aurez pas d'ennuis.",
  "start.returning": "Vous avez déjà un numéro de dossier ?",
  "start.returningLink": "Consulter mon dossier",
  "add.title": "Ajouter des photos au dossier {case}",
  "add.lead":
    "Choisissez d'autres photos du même genre. Comme avant, elles restent sur cet appareil et seules leurs empreintes sont envoyées.",
  "add.back": "Retour à mon dossier",

  "pick.title": "Choisir les photos",
  "pick.hint":
    "Choisissez les photos que vous voulez faire retirer, ou des captures d'écran de celles-ci. Elles ne sont pas téléversées : cette page les examine ici, sur votre appareil.",
  "pick.drop": "Déposez les photos ici, ou",
  "pick.choose": "Choisir des photos",
  "pick.formats": "Photos et captures d'écran : JPEG, PNG, WebP, GIF et la plupart des photos de téléphone. Vidéos : MP4, WebM ou MOV, si ce navigateur peut les lire.",
  "pick.listLabel": "Les photos choisies",
  "pick.blur": "Flouter les aperçus",
  "pick.remove": "Retirer",
  "pick.removeLabel": "Retirer {name}",
  "pick.sizeKB": "{n} Ko",
  "pick.sizeMB": "{n} Mo",
  "pick.noPreview": "Pas d'aperçu",

  "photo.waiting": "En attente…",
  "photo.reading": "Lecture de la photo…",
  "photo.hashing": "Création des empreintes…",
  "photo.decoding": "Création des empreintes…",
  "photo.fingerprinting": "Création des empreintes…",
  "photo.ready": "Empreintes prêtes",
  "photo.plain":
    "Prête. Cette image est très uniforme : seules les copies exactes de ce fichier pourront être trouvées.",
  "photo.tiny":
    "Prête. Cette image est très petite : seules les copies exactes de ce fichier pourront être trouvées.",
  "photo.unreadable":
    "Prête. Ce navigateur ne sait pas ouvrir ce type d'image : seules les copies exactes de ce fichier pourront être trouvées. Pour de meilleurs résultats, choisissez un JPEG ou une capture d'écran de l'image.",
  "photo.duplicate": "Vous avez déjà choisi cette photo.",
  "photo.error.empty": "Ce fichier est vide : il ne peut pas être utilisé.",
  "photo.error.too_large": "Ce fichier est trop volumineux pour être utilisé ici.",
  "photo.error.not_image": "Ce fichier ne ressemble pas à une image : il ne peut pas être utilisé.",
  "photo.error.failed": "Un problème est survenu avec cette photo. Essayez de la choisir à nouveau.",
  "pick.video": "Vidéo",
  "photo.video.reading": "Ouverture de la vidéo…",
  "photo.video.hashing": "Création des empreintes…",
  "photo.video.frames": "Empreinte de la vidéo : image {i} sur {n}…",
  "photo.video.ready": "Empreintes de la vidéo prêtes",
  "photo.video.plain": "Prêt. Cette vidéo est trop uniforme pour une empreinte d'image : seules les copies exactes de ce fichier pourront être trouvées.",
  "photo.error.video_unreadable": "Ce navigateur ne peut pas lire cette vidéo, ses empreintes ne peuvent donc pas être créées ici. Essayez une copie en MP4 ou WebM, ou un autre navigateur.",
  "photo.error.video_too_large": "Cette vidéo est trop volumineuse pour être utilisée ici.",
  "photo.error.video_too_long": "Cette vidéo est trop longue pour être utilisée ici.",
  "photo.error.video_protect": "Les vidéos ne peuvent pas être protégées ici : choisissez des photos.",
  "photo.error.cancelled": "Arrêté.",

  "progress.working": {
    one: "Création des empreintes : {done} photo sur {n} terminée.",
    other: "Création des empreintes : {done} photos sur {n} terminées.",
  },
  "progress.done": {
    one: "Les empreintes de {n} photo sont prêtes. Rien n'a encore été envoyé.",
    other: "Les empreintes de {n} photos sont prêtes. Rien n'a encore été envoyé.",
  },
  "progress.none": "Aucune photo choisie pour l'instant.",

  "send.note":
    "Quand vous continuez, seules les empreintes sont envoyées. Vos photos restent sur cet appareil.",
  "send.new": "Envoyer les empreintes et ouvrir mon dossier",
  "send.add": "Ajouter ces empreintes à mon dossier",
  "send.sending": "Envoi des empreintes…",
  "send.nothingReady":
    "Choisissez d'abord au moins une photo, et attendez que ses empreintes soient prêtes.",
  "send.preview": "Voir exactement ce qui sera envoyé",
  "send.previewNote":
    "Voici tout ce qui quitte votre appareil : une ligne de lettres et de chiffres par empreinte. Aucune photo, aucun nom de fichier, aucune date, aucun lieu.",

  "minor.question":
    "La personne sur ces photos a-t-elle moins de 18 ans, ou les avait-elle quand les photos ont été prises ?",
  "minor.optional":
    "Vous n'êtes pas obligé·e de répondre. Si vous répondez oui, les plateformes sont informées qu'il s'agit d'images d'un·e mineur·e, qu'elles doivent traiter avec encore plus de sérieux. Nous ne vous demandons rien d'autre.",
  "minor.yes": "Oui, moins de 18 ans",
  "minor.no": "Non",
  "minor.help":
    "Vous n'avez pas d'ennuis, et vous n'avez rien fait de mal. Vous pouvez continuer ici, et vous pouvez aussi vous faire aider.",
  "minor.takeItDown":
    "Take It Down, du NCMEC (le centre américain pour les enfants disparus et exploités), aide aussi à faire retirer les images de personnes de moins de 18 ans, de la même façon confidentielle : takeitdown.ncmec.org",
  "minor.local":
    "Pour parler à quelqu'un : en France, le 3018 (gratuit, anonyme, aussi par tchat sur 3018.fr) ou le 119 ; en Belgique, Child Focus au 116 000 ; en Suisse, le 147 ; au Canada, Jeunesse, J'écoute au 1-800-668-6868. Ou parlez-en à un adulte de confiance.",

  "exit.button": "Sortie rapide",
  "exit.hint": "ou appuyez trois fois sur Échap",

  "how.title": "Comment ça marche",
  "how.1":
    "Vous choisissez les photos ici. Elles restent sur votre appareil : elles ne sont jamais téléversées.",
  "how.2":
    "Cette page calcule une empreinte de chaque photo : un code court tiré de l'image, comme un code-barres.",
  "how.3":
    "Seules les empreintes sont envoyées. Les sites et applis qui travaillent avec nous les comparent aux nouveaux contenus publiés, et peuvent bloquer ou retirer les copies de vos photos.",
  "how.4":
    "Vous recevez un numéro de dossier et un code PIN. Avec eux, vous pouvez voir ce qui s'est passé, ajouter des photos ou annuler votre dossier à tout moment.",
  "shared.title": "Ce qui quitte votre appareil, et ce qui n'en sort pas",
  "shared.sentTitle": "Envoyé",
  "shared.sent1": "Les empreintes des photos que vous choisissez.",
  "shared.sent2":
    "Rien d'autre : nous ne demandons ni votre nom, ni votre e-mail, ni votre numéro de téléphone, ni votre âge.",
  "shared.notSentTitle": "Jamais envoyé",
  "shared.notSent1": "Les photos elles-mêmes, ni aucune partie de celles-ci.",
  "shared.notSent2":
    "Les noms de fichiers, les dates, les lieux ou toute autre information enregistrée dans les photos.",
  "shared.reveal":
    "Une empreinte ne peut pas redevenir votre photo. Elle ne contient qu'une idée très grossière des zones plus claires ou plus sombres de l'image : pas assez pour voir qui ou quoi s'y trouve. Quelqu'un qui possède déjà une image peut calculer son empreinte et vérifier si elle correspond à la vôtre : c'est ainsi que les sites trouvent les copies.",
  "shared.withdraw":
    "Vous gardez la main : si vous annulez votre dossier, vos empreintes cessent immédiatement de fonctionner.",
  "tech.title": "Les détails techniques",
  "tech.body":
    "Pour chaque photo, cette page calcule trois hachages dans votre navigateur : PDQ, un hachage perceptuel (256 bits) qui retrouve aussi les copies redimensionnées ou légèrement modifiées, et MD5 et SHA-256, qui retrouvent les copies exactes du fichier. Les images trop uniformes pour PDQ n'ont que MD5 et SHA-256. Seuls ces hachages sont envoyés. La page ne charge rien depuis un autre site.",

  "help.title": "Aide et prochaines étapes",
  "help.nextTitle": "Ce qui se passe ensuite",
  "help.next1":
    "Tout de suite : vos empreintes rejoignent la liste. Les plateformes participantes récupèrent régulièrement les nouvelles empreintes, en général en quelques heures.",
  "help.next2":
    "Quand une plateforme trouve une image correspondante, elle la vérifie et la retire selon ses propres règles, en général en quelques jours. Ce qu'elle signale s'affiche sur la page de votre dossier.",
  "help.next3":
    "Si vous trouvez une copie quelque part, ajoutez son lien à votre dossier : nous pouvons demander au site de la retirer et vous montrer le délai dont il dispose pour répondre.",
  "help.sitesTitle": "Quels sites participent",
  "help.sites":
    "Des réseaux sociaux, des messageries, des hébergeurs de vidéos et d'images, et des sites pour adultes qui nous ont rejoints. Tous les sites ne participent pas : c'est pourquoi vous pouvez aussi signaler des liens un par un.",
  "help.threatTitle": "Quelqu'un me menace",
  "help.threatPay":
    "Ne payez pas et n'envoyez plus rien. Payer fait rarement cesser le chantage, et entraîne souvent de nouvelles demandes.",
  "help.threatEvidence":
    "Gardez des preuves : captures d'écran des messages, noms des comptes et liens, et dates.",
  "help.threatBlock":
    "Ensuite, ne répondez plus et bloquez la personne. Ouvrez un dossier ici pour que les copies puissent être trouvées si elle partage les images.",
  "help.threatReport":
    "Signalez-le à la police ou à la gendarmerie, et à la plateforme où elle vous a contacté·e ; une ligne d'écoute peut vous aider à le faire. Vous êtes victime d'un délit, et vous n'avez rien fait de mal.",
  "help.linesTitle": "Qui peut vous aider",
  "help.lines":
    "France : 3018, numéro national contre le cyberharcèlement et les violences numériques, gratuit et anonyme (3018.fr, association e-Enfance) ; enfants en danger, 119 ; signalement en ligne, Pharos (internet-signalement.gouv.fr). Belgique : Child Focus, 116 000 (childfocus.be). Suisse : 147 (147.ch), pour les jeunes. Canada : Cyberaide.ca ; Jeunesse, J'écoute, 1-800-668-6868. Partout : StopNCII.org.",

  "created.title": "Votre dossier est ouvert",
  "created.lead":
    "Les sites et applis qui travaillent avec nous peuvent maintenant rechercher des copies de ces photos. Voici ce qu'il vous faut pour suivre votre dossier.",
  "created.caseLabel": "Numéro de dossier",
  "created.pinLabel": "Code PIN",
  "created.copy": "Copier",
  "created.copyCase": "Copier le numéro de dossier",
  "created.copyPin": "Copier le code PIN",
  "created.copied": "Copié.",
  "created.copyFailed": "La copie n'a pas marché. Sélectionnez le texte et copiez-le vous-même.",
  "created.warningTitle": "Enregistrez-les maintenant",
  "created.warning":
    "Le code PIN ne sera plus affiché, et personne ne pourra le retrouver pour vous, pas même nous. Il vous faut le numéro de dossier et le code PIN pour consulter votre dossier, ajouter des photos ou l'annuler.",
  "created.download": "Télécharger dans un fichier texte",
  "created.downloadHint":
    "Ou notez-les. Gardez-les dans un endroit privé, que vous seul·e pouvez ouvrir.",
  "created.saved": "J'ai enregistré mon numéro de dossier et mon code PIN",
  "created.continue": "Aller à mon dossier",
  "created.savedFirst":
    "Enregistrez d'abord votre numéro de dossier et votre code PIN, puis cochez la case.",
  "created.support":
    "Vous n'avez pas à affronter cela seul·e. Si vous le pouvez, parlez-en à quelqu'un en qui vous avez confiance. Si vous avez moins de 18 ans, un adulte de confiance peut vous aider.",

  "file.name": "unshared-dossier-{case}.txt",
  "file.body":
    "Unshared : votre dossier\n\nNuméro de dossier : {case}\nCode PIN : {pin}\nOuvert : {date}\n\nIl vous faut les deux pour consulter votre dossier, ajouter des photos ou l'annuler, sur {address}\nLe code PIN ne peut pas être affiché à nouveau. Gardez ce fichier dans un endroit privé.\n",

  "signin.title": "Consulter mon dossier",
  "signin.lead":
    "Saisissez le numéro de dossier et le code PIN reçus à l'ouverture de votre dossier.",
  "signin.case": "Numéro de dossier",
  "signin.caseHint": "Il ressemble à UN-XXXX-XXXX.",
  "signin.pin": "Code PIN",
  "signin.pinHint": "Il ressemble à XXXXX-XXXXX.",
  "signin.submit": "Ouvrir mon dossier",
  "signin.opening": "Ouverture de votre dossier…",
  "signin.back": "Retour au début",
  "signin.missingCase": "Saisissez votre numéro de dossier.",
  "signin.missingPin": "Saisissez votre code PIN.",
  "signin.lost":
    "Code PIN perdu ? Il ne peut pas être récupéré. Vous pouvez ouvrir un nouveau dossier avec les mêmes photos à tout moment.",

  "status.title": "Votre dossier {case}",
  "status.active": "Actif : les sites et applis qui travaillent avec nous recherchent ces photos.",
  "status.withdrawn": "Annulé le {date}. Ces empreintes ne correspondent plus à rien.",
  "status.opened": "Ouvert le {date}.",
  "status.hashesTitle": "Vos empreintes",
  "status.hashesCount": { one: "{n} empreinte.", other: "{n} empreintes." },
  "status.hashesNote":
    "Chaque photo donne jusqu'à trois empreintes : une de l'image et deux du fichier exact.",
  "status.showHashes": "Afficher chaque empreinte",
  "status.colAdded": "Ajoutée",
  "status.colKind": "Type",
  "status.colState": "État",
  "status.kind.pdq": "Image (trouve aussi les copies modifiées)",
  "status.kind.md5": "Fichier exact",
  "status.kind.sha256": "Fichier exact",
  "status.kind.other": "Autre",
  "status.kind.vpdq": "Vidéo (trouve aussi les copies réencodées)",
  "status.state.active": "Recherchée",
  "status.state.withdrawn": "Annulée",
  "status.state.disabled": "Mise en pause par notre équipe de vérification",
  "status.state.quarantined": "En attente, le temps que notre équipe la vérifie",
  "status.reportsTitle": "Ce que les sites et applis nous ont dit",
  "status.reportsNone":
    "Rien pour l'instant. C'est normal : un site ne nous prévient que s'il trouve une copie de l'une de vos photos.",
  "status.colWhen": "Quand",
  "status.colWhat": "Ce qui s'est passé",
  "status.outcome.removed": "Une copie a été trouvée et retirée.",
  "status.outcome.blocked": "Quelqu'un a essayé de publier une copie, et elle a été bloquée.",
  "status.outcome.queued": "Une copie possible a été trouvée et attend d'être vérifiée par le site.",
  "status.outcome.not_ncii":
    "Le site a vérifié une copie possible et a estimé qu'elle ne correspondait pas à cette demande.",
  "status.outcome.duplicate": "Une copie a été trouvée, mais elle avait déjà été traitée.",
  "status.outcome.not_found": "Le site a cherché une copie, mais elle avait déjà disparu.",
  "status.outcome.other": "Le site a envoyé une mise à jour.",
  "status.add": "Ajouter des photos",
  "status.withdraw": "Annuler mon dossier",
  "status.refresh": "Vérifier à nouveau",
  "status.close": "J'ai fini pour l'instant",
  "status.closeHint":
    "Cette page ne garde votre numéro de dossier et votre code PIN que tant qu'elle est ouverte. Quand vous avez fini, elle les oublie ; votre dossier continue.",
  "status.added": {
    one: "Les empreintes de {n} photo ont été ajoutées.",
    other: "Les empreintes de {n} photos ont été ajoutées.",
  },
  "status.addedWithVideos": {
    one: "Les empreintes de {n} photo ou vidéo ont été ajoutées.",
    other: "Les empreintes de {n} photos et vidéos ont été ajoutées.",
  },
  "status.addedNone": "Ces photos étaient déjà dans votre dossier : rien n'a changé.",
  "status.refreshed": "À jour.",
  "status.withdrawnNote":
    "Votre dossier est annulé. Vous pouvez ouvrir un nouveau dossier à tout moment.",
  "status.newCase": "Ouvrir un nouveau dossier",

  "takedown.loading": "Chargement…",
  "links.title": "Liens vers des copies",
  "links.lead":
    "Si vous avez trouvé une copie de votre photo en ligne, dites-nous où. Notre serveur consulte le lien et compare ce qu'il y trouve avec vos empreintes. Il ne garde que les empreintes de ce qu'il a trouvé, jamais l'image, et cette page n'ouvre jamais le lien.",
  "links.none": "Vous n'avez signalé aucun lien.",
  "links.heading": "Sur {host}",
  "links.unknownHost": "un site",
  "links.url": "Adresse",
  "links.reported": "Signalé",
  "links.checked": "Dernière vérification",
  "links.notChecked": "pas encore",
  "links.status.reported": "Pas encore vérifié.",
  "links.status.verified": "Vérifié : une copie de l'une de vos photos se trouve ici.",
  "links.status.not_matching": "Vérifié : ce qui se trouve ici ne correspond pas à vos photos.",
  "links.status.unreachable":
    "Nous n'avons pas pu vérifier ce lien : le site n'a pas répondu, ou ne nous a pas laissé voir la page.",
  "links.status.removed": "Disparue : la copie n'est plus ici.",
  "links.status.other": "Vérifié.",
  "links.recheck": "Vérifier à nouveau ce lien",
  "links.rechecking": "Vérification…",
  "links.noticeOpen": "Une demande de retrait existe pour ce lien, plus bas.",
  "links.regime": "Selon quelle loi",
  "links.prepare": "Préparer une demande de retrait",
  "links.preparing": "Préparation…",
  "links.formTitle": "Signaler un lien",
  "links.urlLabel": "Adresse de la copie",
  "links.urlHint":
    "Copiez-la depuis la barre d'adresse de votre navigateur (elle commence par https://). Seule cette adresse est envoyée.",
  "links.submit": "Vérifier ce lien",
  "links.checking": "Vérification du lien…",
  "links.result.verified":
    "Nous avons vérifié le lien : il contient une copie de l'une de vos photos. Il figure maintenant dans votre liste de liens.",
  "links.result.not_matching":
    "Nous avons vérifié le lien, mais ce qui s'y trouve ne correspond pas à vos photos. Une image très modifiée peut ne pas être retrouvée de cette façon.",
  "links.result.unreachable":
    "Nous n'avons pas pu vérifier le lien : le site n'a pas répondu, ou ne nous a pas laissé voir la page. Vous pouvez réessayer plus tard.",
  "links.result.removed": "Nous avons vérifié le lien : la copie a disparu.",
  "links.result.reported": "Le lien est enregistré et sera vérifié.",
  "links.error.empty": "Collez l'adresse de la copie.",
  "links.error.not_a_url":
    "Cela ne ressemble pas à une adresse web. Copiez-la depuis la barre d'adresse de votre navigateur.",
  "links.error.scheme":
    "Seules les adresses web (celles qui commencent par http:// ou https://) peuvent être vérifiées.",
  "links.error.address":
    "Cette adresse mène à un réseau privé, pas à un site public : elle ne peut pas être vérifiée.",
  "links.error.too_long": "Cette adresse est trop longue pour être vérifiée.",
  "links.error.userinfo":
    "Les adresses qui contiennent un nom d'utilisateur ou un mot de passe ne peuvent pas être vérifiées.",
  "links.error.refused": "Ce lien ne peut pas être vérifié.",
  "links.error.rate_limited":
    "Vous avez signalé beaucoup de liens dans la dernière heure. Attendez {minutes} minutes, puis réessayez.",
  "links.error.conflict":
    "Ce dossier est annulé : on ne peut plus signaler ni vérifier de liens.",
  "links.error.fetch_failed":
    "Nous n'avons pas pu joindre ce site. Vérifiez l'adresse, ou réessayez plus tard.",
  "links.serviceSaid": "Le service a répondu : {message}",

  "notices.title": "Demandes de retrait",
  "notices.lead":
    "Une demande de retrait demande au site qui héberge une copie de la retirer, dans la forme prévue par la loi. Dès que le site l'a reçue, il a un délai pour agir ; après ce délai, nous vérifions à nouveau le lien.",
  "notices.unavailable": "Les demandes de retrait ne sont pas encore disponibles sur ce serveur.",
  "notices.none":
    "Aucune demande pour l'instant. Dès qu'un lien a été vérifié et contient une copie, vous pouvez en préparer une.",
  "notices.heading": "Demande à {host}",
  "notices.overdueBy": "Délai dépassé de {time}",
  "notices.left": "{time} restant au site pour agir",
  "notices.noDeadline": "Pas encore envoyée, donc pas encore de délai",
  "notices.closed": "Close le {date}",
  "notices.state.draft":
    "Prête, pas envoyée. Téléchargez-la pour l'envoyer vous-même, ou demandez-nous de l'envoyer pour vous.",
  "notices.state.sent": "Envoyée. Le site doit agir avant la fin du délai.",
  "notices.state.authorised": "Vous nous avez demandé de l'envoyer pour vous : nous l'enverrons bientôt.",
  "notices.state.acknowledged": "Le site a confirmé avoir reçu la demande.",
  "notices.state.removed": "C'est fait : la copie a été retirée.",
  "notices.state.overdue":
    "Délai dépassé : la copie était toujours là après la fin du délai. Une relance est prête.",
  "notices.state.due": "Le délai est passé. Nous allons bientôt vérifier à nouveau le lien.",
  "notices.state.withdrawn": "Annulée. Plus rien ne sera envoyé.",
  "notices.state.other": "La demande a changé.",
  "notices.law": "Loi",
  "notices.url": "Adresse",
  "notices.how": "Mode d'envoi",
  "notices.how.download": "Vous l'envoyez vous-même",
  "notices.how.email": "Par e-mail à {recipient}",
  "notices.how.emailNoRecipient": "Par e-mail",
  "notices.how.forYou": "(nous l'envoyons pour vous)",
  "notices.sent": "Envoyée",
  "notices.deadline": "Délai",
  "notices.followUp": "Ceci relance une demande précédente qui n'a pas été traitée à temps.",
  "notices.actions": "Que faire de la demande à {host}",
  "notices.format": "Type de fichier",
  "notices.format.pdf": "PDF",
  "notices.format.html": "Page web (HTML)",
  "notices.format.text": "Texte brut",
  "notices.download": "Télécharger la demande",
  "notices.downloading": "Préparation du fichier…",
  "notices.downloadHint":
    "Si vous l'envoyez vous-même, relisez-la d'abord, et ajoutez votre nom, vos coordonnées et votre signature là où c'est demandé.",
  "notices.downloaded": "La demande a été enregistrée sur cet appareil sous le nom {name}.",
  "notices.authorise": "Demander qu'on l'envoie pour moi",
  "notices.withdraw": "Annuler cette demande",
  "notices.withdrawConfirm":
    "Annuler cette demande ? Nous ne l'enverrons pas et ne ferons plus de relance. Une demande déjà envoyée ne peut pas être rappelée.",
  "notices.withdrawYes": "Oui, annuler la demande",
  "notices.withdrawNo": "Non, la garder",
  "notices.withdrawing": "Annulation…",
  "notices.withdrawn": "La demande a été annulée.",
  "notices.drafted": "La demande est prête : vous la trouverez sous Demandes de retrait.",
  "notices.error.gone":
    "Cette demande n'existe plus. Choisissez Vérifier à nouveau pour voir vos demandes telles qu'elles sont maintenant.",
  "regime.us_take_it_down": "États-Unis : loi TAKE IT DOWN (TAKE IT DOWN Act)",
  "regime.eu_dsa_16": "Union européenne : règlement sur les services numériques (DSA), article 16",
  "regime.uk_osa": "Royaume-Uni : loi sur la sécurité en ligne (Online Safety Act)",
  "regime.other": "Une autre loi",
  "regime.hint":
    "Choisissez le pays où le site est établi, si vous le savez. Si vous n'êtes pas sûr·e, les personnes qui gèrent ce service peuvent vous aider.",

  "authorise.title": "Nous demander d'envoyer cette demande pour vous",
  "authorise.lead":
    "Les personnes qui gèrent ce service enverront la demande au site et suivront son délai. Pour que la demande soit valable, la loi exige le nom de la personne sur l'image, ou de quelqu'un autorisé à agir pour elle (un parent, par exemple), un moyen de la contacter, et une signature.",
  "authorise.privacy":
    "Vos coordonnées ne servent qu'à cette demande : elles sont transmises au site qui héberge la copie, pour qu'il puisse agir. Elles ne sont jamais montrées aux autres sites et applis qui travaillent avec Unshared, et ne servent à rien d'autre.",
  "authorise.name": "Nom complet",
  "authorise.nameHint":
    "Le vôtre, si l'image est de vous ; si vous agissez pour la personne sur l'image, le vôtre en tant que parent, tuteur ou représentant.",
  "authorise.email": "Adresse e-mail",
  "authorise.signature": "Signature",
  "authorise.signatureHint": "Tapez votre nom complet : c'est votre signature électronique.",
  "authorise.phone": "Numéro de téléphone (facultatif)",
  "authorise.address": "Adresse postale (facultatif)",
  "authorise.goodFaith":
    "Je déclare de bonne foi que cette image a été partagée sans le consentement de la personne qui y figure.",
  "authorise.missing.name": "Saisissez votre nom complet.",
  "authorise.missing.email": "Saisissez une adresse e-mail où l'on peut vous joindre.",
  "authorise.missing.signature": "Tapez votre nom complet comme signature.",
  "authorise.missing.goodFaith": "La demande ne peut être envoyée qu'avec cette déclaration.",
  "authorise.badEmail": "Cela ne ressemble pas à une adresse e-mail.",
  "authorise.submit": "Envoyer la demande pour moi",
  "authorise.sending": "Envoi…",
  "authorise.cancel": "Annuler",
  "authorise.done": "Merci. Nous enverrons la demande et suivrons son délai.",

  "withdraw.title": "Annuler votre dossier ?",
  "withdraw.body":
    "Si vous annulez votre dossier, vos empreintes cessent immédiatement de fonctionner, partout où elles sont utilisées. Les sites ne bloqueront ni ne trouveront plus ces photos grâce à ce dossier.",
  "withdraw.undo":
    "C'est définitif, mais vous pouvez ouvrir un nouveau dossier avec les mêmes photos à tout moment.",
  "withdraw.confirm": "Oui, annuler mon dossier",
  "withdraw.cancel": "Non, garder mon dossier",
  "withdraw.working": "Annulation de votre dossier…",
  "withdraw.done": "C'est fait : votre dossier est annulé.",

  "error.unauthorized":
    "Nous n'avons trouvé aucun dossier avec ce numéro et ce code PIN. Vérifiez les deux et réessayez.",
  "error.rate_limited":
    "Trop d'essais. Pour votre sécurité, attendez {minutes} minutes, puis réessayez.",
  "error.conflict":
    "Ce dossier est annulé : on ne peut plus y ajouter de photos. Vous pouvez ouvrir un nouveau dossier.",
  "error.too_large": "Cela fait trop de photos d'un coup. Essayez avec moins.",
  "error.invalid_input":
    "Quelque chose n'allait pas dans la demande. Réessayez, ou choisissez à nouveau les photos.",
  "error.unavailable": "Le service est en train de démarrer. Réessayez dans une minute.",
  "error.network":
    "Impossible de joindre le service. Vérifiez votre connexion internet et réessayez. Vos photos sont toujours uniquement ici.",
  "error.server": "Un problème est survenu de notre côté. Réessayez dans quelques minutes.",

  "footer.privacy":
    "Unshared ne reçoit jamais vos photos. Cette page ne charge rien depuis d'autres sites et ne crée aucun compte.",
  "footer.source": "Unshared est un logiciel libre.",

  // Protecting ordinary photos.
  "protect.offerTitle": "Vous craignez qu'on fabrique des montages à partir de vos photos ordinaires ?",
  "protect.offer":
    "Des applis peuvent transformer une photo ordinaire, des réseaux sociaux par exemple, en faux nu. Vous pouvez protéger ici des photos ordinaires de vous, pour que les sites qui travaillent avec nous puissent trouver les copies modifiées faites à partir d'elles.",
  "protect.go": "Protéger mes photos ordinaires",
  "protect.title": "Protéger des photos ordinaires de vous",
  "protect.add.title": "Protéger d'autres photos dans le dossier {case}",
  "protect.lead":
    "Choisissez des photos ordinaires de vous que quelqu'un pourrait transformer en montage, comme des photos de vos réseaux sociaux. Cette page calcule ici, sur votre appareil, leurs empreintes et une carte des petits détails de chacune (ses caractéristiques), et n'envoie que cela. Les sites qui travaillent avec nous peuvent alors trouver une copie modifiée, même si une partie de la photo a été remplacée.",
  "protect.warningTitle": "Ici, uniquement des photos ordinaires, jamais des photos intimes",
  "protect.warning":
    "Les caractéristiques en disent plus sur une photo que les empreintes : à partir d'elles, quelqu'un pourrait reconstituer un contour approximatif de l'image. Pas la photo elle-même, mais peut-être assez pour deviner ce qu'elle montre. Choisissez donc uniquement des photos que tout le monde pourrait voir sans que cela vous dérange.",
  "protect.warningIntimate":
    "Si vous voulez faire retirer une image intime, revenez en arrière et utilisez plutôt la première page : elle n'envoie que des empreintes.",
  "protect.techTitle": "Ce que sont les caractéristiques, techniquement",
  "protect.techBody":
    "Pour chaque photo, cette page calcule les trois mêmes hachages que d'habitude (PDQ, MD5, SHA-256) et jusqu'à 500 points clés ORB : l'emplacement de chaque petit détail, et 256 comparaisons clair-sombre autour de lui. Ils sont calculés avec OpenCV dans votre navigateur, la même version que celle du serveur, téléchargée seulement quand vous protégez des photos. Ils sont conservés uniquement sur notre serveur, jamais partagés avec les sites, et supprimés si vous annulez votre dossier.",
  "protect.hint":
    "Choisissez des photos ordinaires de vous. Elles ne sont pas téléversées : cette page les examine ici, sur votre appareil.",
  "protect.loading":
    "Préparation de la protection des photos : un téléchargement unique d'environ 4 Mo…",
  "protect.ready": "Prêt à protéger des photos.",
  "protect.unavailable":
    "La protection des photos n'est pas disponible ici, dans ce navigateur ou sur ce serveur. Vous pouvez toujours demander le retrait d'images intimes.",
  "protect.back": "Retour au début",
  "protect.sendNote":
    "Quand vous continuez, seules les empreintes et les caractéristiques de ces photos sont envoyées. Les photos restent sur cet appareil.",
  "protect.previewNote":
    "Voici tout ce qui quitte votre appareil. Les caractéristiques sont de longues suites de lettres et de chiffres, raccourcies ici : leur longueur est indiquée à la fin. Aucune photo, aucun nom de fichier, aucune date, aucun lieu.",
  "protect.send.new": "Protéger ces photos et ouvrir mon dossier",
  "protect.send.add": "Protéger aussi ces photos",
  "protect.send.sending": "Envoi…",
  "protect.send.nothingReady":
    "Choisissez d'abord au moins une photo ordinaire, et attendez qu'elle soit prête à être protégée.",
  "protect.progress.working": {
    one: "Préparation des photos : {done} photo sur {n} terminée.",
    other: "Préparation des photos : {done} photos sur {n} terminées.",
  },
  "protect.progress.done": {
    one: "{n} photo est prête à être protégée. Rien n'a encore été envoyé.",
    other: "{n} photos sont prêtes à être protégées. Rien n'a encore été envoyé.",
  },
  "protect.status.active":
    "Actif : les sites et applis qui travaillent avec nous recherchent des copies modifiées de ces photos.",
  "protect.status.added": {
    one: "{n} photo de plus est protégée.",
    other: "{n} photos de plus sont protégées.",
  },
  "protect.hashesNote":
    "Chaque photo donne trois empreintes. Ses caractéristiques sont aussi conservées, uniquement sur notre serveur, et supprimées si vous annulez votre dossier.",
  "protect.withdraw": "Les caractéristiques de vos photos sont aussi supprimées de notre serveur.",
  "photo.features": "Recherche des détails à protéger…",
  "photo.protect.ready": "Prête à être protégée",
  "photo.protect.plain": "Cette image est trop uniforme pour être protégée : elle ne sera pas envoyée.",
  "photo.protect.tiny": "Cette image est trop petite pour être protégée : elle ne sera pas envoyée.",
  "photo.protect.few":
    "Cette image a trop peu de détails pour être protégée : elle ne sera pas envoyée.",
  "photo.protect.unreadable":
    "Ce navigateur ne sait pas ouvrir ce type d'image : elle ne peut pas être protégée. Essayez un JPEG ou une capture d'écran de l'image.",
  "photo.error.unavailable": "La protection des photos n'est pas disponible ici.",
};
