// Every string the page shows, in every language it speaks, and the few helpers that pick them.
//
// To add a language: copy the `en` block under a new code, translate every value (keep the
// {placeholders}), and add the code to LANGUAGES. A test checks that each language has every key
// and the same placeholders as English. Values are plain text, never HTML.
//
// Tone: calm, warm, plain. The person may be frightened and may be young. No blame, no jargon;
// the technical names appear only in the "technical details" box.

/** Languages, in the order the switch shows them, each named in itself. */
export const LANGUAGES = Object.freeze({ en: "English", es: "Español" });

const en = {
  "page.title": "Unshared: take down intimate images without sending them",
  "skip": "Skip to the main content",
  "language.label": "Language",
  "noscript":
    "This page needs JavaScript to make the fingerprints of your photos on your own device.",

  // The first screen: what this is, and picking photos.
  "start.title": "Get intimate images of you taken down, without sending them to anyone",
  "start.lead":
    "If someone has shared, or is threatening to share, a nude, semi-nude or sexual image of you, you can ask for it to be taken down here. This includes fake images made with AI or photo apps.",
  "start.notYourFault": "It is not your fault, and you are not in trouble.",
  "start.returning": "Already have a case number?",
  "start.returningLink": "Check your case",
  "add.title": "Add photos to case {case}",
  "add.lead":
    "Choose more photos of the same kind. As before, they stay on this device and only their fingerprints are sent.",
  "add.back": "Back to my case",

  "pick.title": "Choose the photos",
  "pick.hint":
    "Choose the photos you want taken down, or screenshots of them. They are not uploaded: this page looks at them here, on your device.",
  "pick.drop": "Drop photos here, or",
  "pick.choose": "Choose photos",
  "pick.formats": "Photos and screenshots: JPEG, PNG, WebP, GIF and most phone photos.",
  "pick.listLabel": "Photos you chose",
  "pick.blur": "Blur the previews",
  "pick.remove": "Remove",
  "pick.removeLabel": "Remove {name}",
  "pick.sizeKB": "{n} KB",
  "pick.sizeMB": "{n} MB",
  "pick.noPreview": "No preview",

  "photo.waiting": "Waiting…",
  "photo.reading": "Reading the photo…",
  "photo.hashing": "Making the fingerprints…",
  "photo.decoding": "Making the fingerprints…",
  "photo.fingerprinting": "Making the fingerprints…",
  "photo.ready": "Fingerprints ready",
  "photo.plain":
    "Ready. This picture is very plain, so only exact copies of this file can be found.",
  "photo.tiny": "Ready. This picture is very small, so only exact copies of this file can be found.",
  "photo.unreadable":
    "Ready. This browser can't open this kind of picture, so only exact copies of this file can be found. For better results, choose a JPEG or a screenshot of it.",
  "photo.duplicate": "You already chose this photo.",
  "photo.error.empty": "This file is empty, so it can't be used.",
  "photo.error.too_large": "This file is too large to use here.",
  "photo.error.not_image": "This doesn't look like a picture, so it can't be used.",
  "photo.error.failed": "Something went wrong with this photo. Try choosing it again.",

  "progress.working": { one: "Making fingerprints: {done} of {n} photo done.", other: "Making fingerprints: {done} of {n} photos done." },
  "progress.done": {
    one: "The fingerprints of {n} photo are ready. Nothing has been sent yet.",
    other: "The fingerprints of {n} photos are ready. Nothing has been sent yet.",
  },
  "progress.none": "No photos chosen yet.",

  "send.note": "When you continue, only the fingerprints are sent. Your photos stay on this device.",
  "send.new": "Send the fingerprints and open my case",
  "send.add": "Add these fingerprints to my case",
  "send.sending": "Sending the fingerprints…",
  "send.nothingReady": "Choose at least one photo first, and wait until its fingerprints are ready.",
  "send.preview": "See exactly what will be sent",
  "send.previewNote":
    "This is everything that leaves your device: one line of letters and numbers per fingerprint. No photo, no file name, no date, no place.",

  // What is and is not shared.
  "how.title": "How it works",
  "how.1": "You choose the photos here. They stay on your device: they are never uploaded.",
  "how.2":
    "This page works out a fingerprint of each photo: a short code made from the picture, like a barcode for it.",
  "how.3":
    "Only the fingerprints are sent. Websites and apps that work with us compare new uploads with them, and can block or remove copies of your photos.",
  "how.4":
    "You get a case number and a PIN. With them you can see what has happened, add photos, or withdraw your case at any time.",
  "shared.title": "What leaves your device, and what doesn't",
  "shared.sentTitle": "Sent",
  "shared.sent1": "The fingerprints of the photos you choose.",
  "shared.sent2": "Nothing else: we don't ask for your name, email, phone number or age.",
  "shared.notSentTitle": "Never sent",
  "shared.notSent1": "The photos themselves, or any part of them.",
  "shared.notSent2": "The file names, dates, places or anything else stored in the photos.",
  "shared.reveal":
    "A fingerprint can't be turned back into your photo. It holds only a very rough idea of where the picture is lighter or darker: not enough to see who or what is in it. Someone who already has a picture can make its fingerprint and check whether it matches yours; that is how websites find copies.",
  "shared.withdraw":
    "You stay in control: if you withdraw your case, your fingerprints stop matching straight away.",
  "tech.title": "The technical details",
  "tech.body":
    "For each photo this page makes three hashes in your browser: PDQ, a perceptual hash (256 bits) that also finds resized or slightly edited copies, and MD5 and SHA-256, which find exact copies of the file. Pictures too plain for PDQ get only MD5 and SHA-256. Only these hashes are sent. The page loads nothing from any other website.",

  // The case is made.
  "created.title": "Your case is open",
  "created.lead":
    "Websites and apps that work with us can now look for copies of these photos. Here is what you need to follow your case.",
  "created.caseLabel": "Case number",
  "created.pinLabel": "PIN",
  "created.copy": "Copy",
  "created.copyCase": "Copy the case number",
  "created.copyPin": "Copy the PIN",
  "created.copied": "Copied.",
  "created.copyFailed": "Couldn't copy. Select the text and copy it yourself.",
  "created.warningTitle": "Save these now",
  "created.warning":
    "The PIN will not be shown again, and nobody can find it for you, not even us. You need the case number and the PIN to check your case, add photos or withdraw it.",
  "created.download": "Download as a text file",
  "created.downloadHint":
    "Or write them down. Keep them somewhere private that only you can open.",
  "created.saved": "I have saved my case number and PIN",
  "created.continue": "Go to my case",
  "created.savedFirst": "Please save your case number and PIN first, then tick the box.",
  "created.support":
    "You don't have to deal with this alone. If you can, talk to someone you trust. If you are under 18, a trusted adult can help.",

  "file.name": "unshared-case-{case}.txt",
  "file.body":
    "Unshared: your case\n\nCase number: {case}\nPIN: {pin}\nOpened: {date}\n\nYou need both to check your case, add photos or withdraw it, at {address}\nThe PIN cannot be shown again. Keep this file somewhere private.\n",

  // Signing in to a case.
  "signin.title": "Check your case",
  "signin.lead": "Enter the case number and the PIN you were given when you opened your case.",
  "signin.case": "Case number",
  "signin.caseHint": "It looks like UN-XXXX-XXXX.",
  "signin.pin": "PIN",
  "signin.pinHint": "It looks like XXXXX-XXXXX.",
  "signin.submit": "Open my case",
  "signin.opening": "Opening your case…",
  "signin.back": "Back to the start",
  "signin.missingCase": "Enter your case number.",
  "signin.missingPin": "Enter your PIN.",
  "signin.lost":
    "Lost your PIN? It can't be recovered. You can open a new case with the same photos at any time.",

  // The case.
  "status.title": "Your case {case}",
  "status.active": "Active: websites and apps that work with us are looking for these photos.",
  "status.withdrawn": "Withdrawn on {date}. These fingerprints no longer match anything.",
  "status.opened": "Opened on {date}.",
  "status.hashesTitle": "Your fingerprints",
  "status.hashesCount": { one: "{n} fingerprint.", other: "{n} fingerprints." },
  "status.hashesNote": "Each photo gives up to three fingerprints: one of the picture and two of the exact file.",
  "status.showHashes": "Show each fingerprint",
  "status.colAdded": "Added",
  "status.colKind": "Kind",
  "status.colState": "State",
  "status.kind.pdq": "Picture (also finds edited copies)",
  "status.kind.md5": "Exact file",
  "status.kind.sha256": "Exact file",
  "status.kind.other": "Other",
  "status.state.active": "Being looked for",
  "status.state.withdrawn": "Withdrawn",
  "status.state.disabled": "Paused by our review team",
  "status.state.quarantined": "On hold while our team checks it",
  "status.reportsTitle": "What websites and apps have told us",
  "status.reportsNone":
    "Nothing yet. That is normal: a website only tells us when it finds a copy of one of your photos.",
  "status.colWhen": "When",
  "status.colWhat": "What happened",
  "status.outcome.removed": "A copy was found and taken down.",
  "status.outcome.blocked": "Someone tried to upload a copy, and it was blocked.",
  "status.outcome.queued": "A possible copy was found and is waiting to be checked by the website.",
  "status.outcome.not_ncii":
    "The website checked a possible copy and decided it did not match this request.",
  "status.outcome.duplicate": "A copy was found that had already been dealt with.",
  "status.outcome.not_found": "The website looked for a copy but it was already gone.",
  "status.outcome.other": "The website sent an update.",
  "status.add": "Add more photos",
  "status.withdraw": "Withdraw my case",
  "status.refresh": "Check again",
  "status.close": "I'm done for now",
  "status.closeHint":
    "This page keeps your case number and PIN only while it is open. When you are done, it forgets them; your case carries on.",
  "status.added": {
    one: "The fingerprints of {n} photo were added.",
    other: "The fingerprints of {n} photos were added.",
  },
  "status.addedNone": "Those photos were already in your case, so nothing changed.",
  "status.refreshed": "Up to date.",
  "status.withdrawnNote": "Your case is withdrawn. You can open a new case at any time.",
  "status.newCase": "Open a new case",

  // Withdrawing.
  "withdraw.title": "Withdraw your case?",
  "withdraw.body":
    "If you withdraw, your fingerprints stop matching straight away, everywhere that uses them. Websites will no longer block or find these photos because of this case.",
  "withdraw.undo": "This can't be undone, but you can open a new case with the same photos at any time.",
  "withdraw.confirm": "Yes, withdraw my case",
  "withdraw.cancel": "No, keep my case",
  "withdraw.working": "Withdrawing your case…",
  "withdraw.done": "Done: your case is withdrawn.",

  // Errors from the service or the network.
  "error.unauthorized":
    "We couldn't find a case with that number and PIN. Check both and try again.",
  "error.rate_limited": "Too many tries. For your safety, please wait {minutes} minutes and try again.",
  "error.conflict": "This case is withdrawn, so photos can't be added. You can open a new case.",
  "error.too_large": "That is too many photos at once. Try fewer.",
  "error.invalid_input": "Something in the request wasn't right. Try again, or choose the photos again.",
  "error.unavailable": "The service is busy starting up. Please try again in a minute.",
  "error.network":
    "We couldn't reach the service. Check your internet connection and try again. Your photos are still only here.",
  "error.server": "Something went wrong on our side. Please try again in a few minutes.",

  "footer.privacy":
    "Unshared never receives your photos. This page loads nothing from other websites and keeps no account.",
  "footer.source": "Unshared is open source.",
};

const es = {
  "page.title": "Unshared: retira imágenes íntimas sin enviarlas",
  "skip": "Ir al contenido principal",
  "language.label": "Idioma",
  "noscript":
    "Esta página necesita JavaScript para crear las huellas de tus fotos en tu propio dispositivo.",

  "start.title": "Consigue que retiren imágenes íntimas tuyas, sin enviárselas a nadie",
  "start.lead":
    "Si alguien ha compartido, o amenaza con compartir, una imagen íntima tuya (con desnudos, semidesnudos o de contenido sexual), aquí puedes pedir que la retiren. También si es una imagen falsa hecha con IA o con una app de fotos.",
  "start.notYourFault": "No es culpa tuya, y no vas a tener problemas por esto.",
  "start.returning": "¿Ya tienes un número de caso?",
  "start.returningLink": "Consulta tu caso",
  "add.title": "Añadir fotos al caso {case}",
  "add.lead":
    "Elige más fotos del mismo tipo. Como antes, se quedan en este dispositivo y solo se envían sus huellas.",
  "add.back": "Volver a mi caso",

  "pick.title": "Elige las fotos",
  "pick.hint":
    "Elige las fotos que quieres que retiren, o capturas de pantalla de ellas. No se suben: esta página las mira aquí, en tu dispositivo.",
  "pick.drop": "Suelta las fotos aquí, o",
  "pick.choose": "Elegir fotos",
  "pick.formats": "Fotos y capturas de pantalla: JPEG, PNG, WebP, GIF y la mayoría de fotos de móvil.",
  "pick.listLabel": "Fotos que has elegido",
  "pick.blur": "Difuminar las vistas previas",
  "pick.remove": "Quitar",
  "pick.removeLabel": "Quitar {name}",
  "pick.sizeKB": "{n} KB",
  "pick.sizeMB": "{n} MB",
  "pick.noPreview": "Sin vista previa",

  "photo.waiting": "En espera…",
  "photo.reading": "Leyendo la foto…",
  "photo.hashing": "Creando las huellas…",
  "photo.decoding": "Creando las huellas…",
  "photo.fingerprinting": "Creando las huellas…",
  "photo.ready": "Huellas listas",
  "photo.plain":
    "Lista. Esta imagen es muy uniforme, así que solo se podrán encontrar copias exactas de este archivo.",
  "photo.tiny":
    "Lista. Esta imagen es muy pequeña, así que solo se podrán encontrar copias exactas de este archivo.",
  "photo.unreadable":
    "Lista. Este navegador no puede abrir este tipo de imagen, así que solo se podrán encontrar copias exactas de este archivo. Para un mejor resultado, elige un JPEG o una captura de pantalla de la foto.",
  "photo.duplicate": "Ya habías elegido esta foto.",
  "photo.error.empty": "Este archivo está vacío, así que no se puede usar.",
  "photo.error.too_large": "Este archivo es demasiado grande para usarlo aquí.",
  "photo.error.not_image": "Esto no parece una imagen, así que no se puede usar.",
  "photo.error.failed": "Algo ha fallado con esta foto. Prueba a elegirla otra vez.",

  "progress.working": {
    one: "Creando huellas: {done} de {n} foto lista.",
    other: "Creando huellas: {done} de {n} fotos listas.",
  },
  "progress.done": {
    one: "Las huellas de {n} foto están listas. Todavía no se ha enviado nada.",
    other: "Las huellas de {n} fotos están listas. Todavía no se ha enviado nada.",
  },
  "progress.none": "Todavía no has elegido ninguna foto.",

  "send.note": "Al continuar, solo se envían las huellas. Tus fotos se quedan en este dispositivo.",
  "send.new": "Enviar las huellas y abrir mi caso",
  "send.add": "Añadir estas huellas a mi caso",
  "send.sending": "Enviando las huellas…",
  "send.nothingReady": "Primero elige al menos una foto y espera a que sus huellas estén listas.",
  "send.preview": "Ver exactamente qué se envía",
  "send.previewNote":
    "Esto es todo lo que sale de tu dispositivo: una línea de letras y números por huella. Ni fotos, ni nombres de archivo, ni fechas, ni lugares.",

  "how.title": "Cómo funciona",
  "how.1": "Eliges las fotos aquí. Se quedan en tu dispositivo: nunca se suben.",
  "how.2":
    "Esta página calcula una huella de cada foto: un código corto que sale de la imagen, como un código de barras.",
  "how.3":
    "Solo se envían las huellas. Las webs y apps que colaboran con nosotros las comparan con lo que se sube, y pueden bloquear o retirar las copias de tus fotos.",
  "how.4":
    "Recibes un número de caso y un PIN. Con ellos puedes ver qué ha pasado, añadir fotos o cancelar tu caso cuando quieras.",
  "shared.title": "Qué sale de tu dispositivo y qué no",
  "shared.sentTitle": "Se envía",
  "shared.sent1": "Las huellas de las fotos que elijas.",
  "shared.sent2": "Nada más: no te pedimos nombre, correo, teléfono ni edad.",
  "shared.notSentTitle": "Nunca se envía",
  "shared.notSent1": "Las fotos, ni enteras ni en parte.",
  "shared.notSent2":
    "Los nombres de los archivos, las fechas, los lugares o cualquier otro dato guardado en las fotos.",
  "shared.reveal":
    "Una huella no se puede convertir de nuevo en tu foto. Solo guarda una idea muy aproximada de qué partes de la imagen son más claras o más oscuras: no basta para ver quién o qué aparece. Quien ya tiene una imagen puede calcular su huella y comprobar si coincide con la tuya; así es como las webs encuentran las copias.",
  "shared.withdraw":
    "Tú tienes el control: si cancelas tu caso, tus huellas dejan de coincidir al momento.",
  "tech.title": "Los detalles técnicos",
  "tech.body":
    "De cada foto, esta página calcula tres hashes en tu navegador: PDQ, un hash perceptual (256 bits) que también encuentra copias redimensionadas o ligeramente editadas, y MD5 y SHA-256, que encuentran copias exactas del archivo. Las imágenes demasiado uniformes para PDQ reciben solo MD5 y SHA-256. Solo se envían estos hashes. La página no carga nada de ninguna otra web.",

  "created.title": "Tu caso está abierto",
  "created.lead":
    "Las webs y apps que colaboran con nosotros ya pueden buscar copias de estas fotos. Esto es lo que necesitas para seguir tu caso.",
  "created.caseLabel": "Número de caso",
  "created.pinLabel": "PIN",
  "created.copy": "Copiar",
  "created.copyCase": "Copiar el número de caso",
  "created.copyPin": "Copiar el PIN",
  "created.copied": "Copiado.",
  "created.copyFailed": "No se ha podido copiar. Selecciona el texto y cópialo tú.",
  "created.warningTitle": "Guárdalos ahora",
  "created.warning":
    "El PIN no se volverá a mostrar y nadie podrá recuperarlo, ni siquiera nosotros. Necesitas el número de caso y el PIN para consultar tu caso, añadir fotos o cancelarlo.",
  "created.download": "Descargar en un archivo de texto",
  "created.downloadHint": "O apúntalos. Guárdalos en un sitio privado que solo tú puedas abrir.",
  "created.saved": "He guardado mi número de caso y mi PIN",
  "created.continue": "Ir a mi caso",
  "created.savedFirst": "Primero guarda tu número de caso y tu PIN, y después marca la casilla.",
  "created.support":
    "No tienes que pasar por esto a solas. Si puedes, habla con alguien de confianza. Si tienes menos de 18 años, un adulto de confianza puede ayudarte.",

  "file.name": "unshared-caso-{case}.txt",
  "file.body":
    "Unshared: tu caso\n\nNúmero de caso: {case}\nPIN: {pin}\nAbierto: {date}\n\nNecesitas los dos para consultar tu caso, añadir fotos o cancelarlo, en {address}\nEl PIN no se puede volver a mostrar. Guarda este archivo en un sitio privado.\n",

  "signin.title": "Consulta tu caso",
  "signin.lead": "Escribe el número de caso y el PIN que recibiste al abrir tu caso.",
  "signin.case": "Número de caso",
  "signin.caseHint": "Tiene esta forma: UN-XXXX-XXXX.",
  "signin.pin": "PIN",
  "signin.pinHint": "Tiene esta forma: XXXXX-XXXXX.",
  "signin.submit": "Abrir mi caso",
  "signin.opening": "Abriendo tu caso…",
  "signin.back": "Volver al inicio",
  "signin.missingCase": "Escribe tu número de caso.",
  "signin.missingPin": "Escribe tu PIN.",
  "signin.lost":
    "¿Has perdido el PIN? No se puede recuperar. Puedes abrir un caso nuevo con las mismas fotos cuando quieras.",

  "status.title": "Tu caso {case}",
  "status.active": "Activo: las webs y apps que colaboran con nosotros están buscando estas fotos.",
  "status.withdrawn": "Cancelado el {date}. Estas huellas ya no coinciden con nada.",
  "status.opened": "Abierto el {date}.",
  "status.hashesTitle": "Tus huellas",
  "status.hashesCount": { one: "{n} huella.", other: "{n} huellas." },
  "status.hashesNote": "Cada foto da hasta tres huellas: una de la imagen y dos del archivo exacto.",
  "status.showHashes": "Ver cada huella",
  "status.colAdded": "Añadida",
  "status.colKind": "Tipo",
  "status.colState": "Estado",
  "status.kind.pdq": "Imagen (también encuentra copias editadas)",
  "status.kind.md5": "Archivo exacto",
  "status.kind.sha256": "Archivo exacto",
  "status.kind.other": "Otra",
  "status.state.active": "En búsqueda",
  "status.state.withdrawn": "Cancelada",
  "status.state.disabled": "En pausa por nuestro equipo de revisión",
  "status.state.quarantined": "En espera mientras nuestro equipo la revisa",
  "status.reportsTitle": "Qué nos han contado las webs y apps",
  "status.reportsNone":
    "Nada todavía. Es normal: una web solo nos avisa cuando encuentra una copia de alguna de tus fotos.",
  "status.colWhen": "Cuándo",
  "status.colWhat": "Qué pasó",
  "status.outcome.removed": "Se encontró una copia y se retiró.",
  "status.outcome.blocked": "Alguien intentó subir una copia y se bloqueó.",
  "status.outcome.queued": "Se encontró una posible copia y la web está pendiente de revisarla.",
  "status.outcome.not_ncii":
    "La web revisó una posible copia y decidió que no correspondía a esta petición.",
  "status.outcome.duplicate": "Se encontró una copia que ya se había tratado antes.",
  "status.outcome.not_found": "La web buscó la copia, pero ya no estaba.",
  "status.outcome.other": "La web ha enviado una novedad.",
  "status.add": "Añadir más fotos",
  "status.withdraw": "Cancelar mi caso",
  "status.refresh": "Volver a comprobar",
  "status.close": "He terminado por ahora",
  "status.closeHint":
    "Esta página guarda tu número de caso y tu PIN solo mientras está abierta. Cuando termines, los olvidará; tu caso sigue adelante.",
  "status.added": {
    one: "Se han añadido las huellas de {n} foto.",
    other: "Se han añadido las huellas de {n} fotos.",
  },
  "status.addedNone": "Esas fotos ya estaban en tu caso, así que no ha cambiado nada.",
  "status.refreshed": "Actualizado.",
  "status.withdrawnNote": "Tu caso está cancelado. Puedes abrir un caso nuevo cuando quieras.",
  "status.newCase": "Abrir un caso nuevo",

  "withdraw.title": "¿Cancelar tu caso?",
  "withdraw.body":
    "Si lo cancelas, tus huellas dejan de coincidir al momento, en todos los sitios que las usan. Las webs ya no bloquearán ni buscarán estas fotos por este caso.",
  "withdraw.undo": "No se puede deshacer, pero puedes abrir un caso nuevo con las mismas fotos cuando quieras.",
  "withdraw.confirm": "Sí, cancelar mi caso",
  "withdraw.cancel": "No, mantener mi caso",
  "withdraw.working": "Cancelando tu caso…",
  "withdraw.done": "Hecho: tu caso está cancelado.",

  "error.unauthorized":
    "No hemos encontrado ningún caso con ese número y ese PIN. Revisa los dos y vuelve a intentarlo.",
  "error.rate_limited":
    "Demasiados intentos. Por tu seguridad, espera {minutes} minutos y vuelve a intentarlo.",
  "error.conflict": "Este caso está cancelado, así que no se pueden añadir fotos. Puedes abrir un caso nuevo.",
  "error.too_large": "Son demasiadas fotos a la vez. Prueba con menos.",
  "error.invalid_input":
    "Algo en la petición no era correcto. Vuelve a intentarlo, o elige de nuevo las fotos.",
  "error.unavailable": "El servicio se está poniendo en marcha. Vuelve a intentarlo en un minuto.",
  "error.network":
    "No hemos podido conectar con el servicio. Revisa tu conexión a internet y vuelve a intentarlo. Tus fotos siguen solo aquí.",
  "error.server": "Algo ha fallado por nuestra parte. Vuelve a intentarlo dentro de unos minutos.",

  "footer.privacy":
    "Unshared nunca recibe tus fotos. Esta página no carga nada de otras webs y no guarda ninguna cuenta.",
  "footer.source": "Unshared es de código abierto.",
};

// --- Protecting ordinary photos (issue 14) ---------------------------------------------------
// Kept apart for now, in English and Spanish; the catalogue is to be reorganised.
const protectStrings = {
  en: {
    "protect.offerTitle": "Worried someone could make fakes from your ordinary photos?",
    "protect.offer":
      "Apps can turn an ordinary photo, from social media say, into a fake nude. You can protect ordinary photos of you here, so that websites that work with us can find edited copies made from them.",
    "protect.go": "Protect my ordinary photos",
    "protect.title": "Protect ordinary photos of you",
    "protect.add.title": "Protect more photos in case {case}",
    "protect.lead":
      "Choose ordinary photos of you that someone could edit into a fake, such as photos from your social media. This page makes their fingerprints and a map of small details in each (its features) here, on your device, and sends only those. Websites that work with us can then find an edited copy, even when part of the photo was replaced.",
    "protect.warningTitle": "Only ordinary photos here, never intimate ones",
    "protect.warning":
      "The features say more about a photo than fingerprints do: from them, someone could rebuild a rough outline of the picture. Not the photo itself, but perhaps enough to guess what is in it. So choose only photos you would be fine with anyone seeing.",
    "protect.warningIntimate":
      "If you want an intimate image taken down, go back and use the first page instead: it sends only fingerprints.",
    "protect.techTitle": "What the features are, technically",
    "protect.techBody":
      "For each photo this page makes the same three hashes as always (PDQ, MD5, SHA-256) and up to 500 ORB keypoints: where each small detail is, and 256 light-or-dark comparisons around it. They are made with OpenCV running in your browser, the same version the server uses, downloaded only when you protect photos. They are kept on our server only, never shared with websites, and deleted if you withdraw your case.",
    "protect.hint":
      "Choose ordinary photos of you. They are not uploaded: this page looks at them here, on your device.",
    "protect.loading": "Getting ready to protect photos: a one-time download of about 4 MB…",
    "protect.ready": "Ready to protect photos.",
    "protect.unavailable":
      "Protecting photos isn't available here, in this browser or on this server. You can still ask for intimate images to be taken down.",
    "protect.back": "Back to the start",
    "protect.sendNote":
      "When you continue, only the fingerprints and features of these photos are sent. The photos stay on this device.",
    "protect.previewNote":
      "This is everything that leaves your device. The features are long strings of letters and numbers, shortened here: their length is shown at the end. No photo, no file name, no date, no place.",
    "protect.send.new": "Protect these photos and open my case",
    "protect.send.add": "Protect these photos too",
    "protect.send.sending": "Sending…",
    "protect.send.nothingReady":
      "Choose at least one ordinary photo first, and wait until it is ready to protect.",
    "protect.progress.working": {
      one: "Getting photos ready: {done} of {n} photo done.",
      other: "Getting photos ready: {done} of {n} photos done.",
    },
    "protect.progress.done": {
      one: "{n} photo is ready to protect. Nothing has been sent yet.",
      other: "{n} photos are ready to protect. Nothing has been sent yet.",
    },
    "protect.status.active":
      "Active: websites and apps that work with us are looking for edited copies of these photos.",
    "protect.status.added": {
      one: "{n} more photo is protected.",
      other: "{n} more photos are protected.",
    },
    "protect.hashesNote":
      "Each photo gives three fingerprints. Its features are kept too, on our server only, and deleted if you withdraw your case.",
    "protect.withdraw": "The features of your photos are deleted from our server too.",
    "photo.features": "Finding the details to protect…",
    "photo.protect.ready": "Ready to protect",
    "photo.protect.plain": "This picture is too plain to protect: it will not be sent.",
    "photo.protect.tiny": "This picture is too small to protect: it will not be sent.",
    "photo.protect.few":
      "This picture has too few details to protect: it will not be sent.",
    "photo.protect.unreadable":
      "This browser can't open this kind of picture, so it can't be protected. Try a JPEG or a screenshot of it.",
    "photo.error.unavailable": "Protecting photos isn't available here.",
  },
  es: {
    "protect.offerTitle": "¿Te preocupa que alguien haga montajes con tus fotos normales?",
    "protect.offer":
      "Hay apps que convierten una foto normal, por ejemplo de redes sociales, en un desnudo falso. Aquí puedes proteger fotos normales tuyas, para que las webs que trabajan con nosotros puedan encontrar copias editadas a partir de ellas.",
    "protect.go": "Proteger mis fotos normales",
    "protect.title": "Protege fotos normales tuyas",
    "protect.add.title": "Proteger más fotos en el caso {case}",
    "protect.lead":
      "Elige fotos normales tuyas que alguien podría editar para hacer un montaje, como fotos de tus redes sociales. Esta página crea aquí, en tu dispositivo, sus huellas y un mapa de pequeños detalles de cada una (sus rasgos), y solo envía eso. Así, las webs que trabajan con nosotros pueden encontrar una copia editada, aunque se haya cambiado una parte de la foto.",
    "protect.warningTitle": "Aquí solo fotos normales, nunca íntimas",
    "protect.warning":
      "Los rasgos dicen más de una foto que las huellas: a partir de ellos, alguien podría reconstruir un contorno aproximado de la imagen. No la foto, pero quizá lo suficiente para adivinar qué hay en ella. Por eso, elige solo fotos que no te importaría que viera cualquiera.",
    "protect.warningIntimate":
      "Si quieres que retiren una imagen íntima, vuelve atrás y usa la primera página: solo envía huellas.",
    "protect.techTitle": "Qué son los rasgos, técnicamente",
    "protect.techBody":
      "Para cada foto, esta página crea los mismos tres hashes de siempre (PDQ, MD5, SHA-256) y hasta 500 puntos clave ORB: dónde está cada pequeño detalle y 256 comparaciones de claro u oscuro a su alrededor. Se crean con OpenCV en tu navegador, la misma versión que usa el servidor, que solo se descarga cuando proteges fotos. Se guardan solo en nuestro servidor, nunca se comparten con las webs y se borran si cancelas tu caso.",
    "protect.hint":
      "Elige fotos normales tuyas. No se suben: esta página las mira aquí, en tu dispositivo.",
    "protect.loading": "Preparando la protección de fotos: una descarga única de unos 4 MB…",
    "protect.ready": "Todo listo para proteger fotos.",
    "protect.unavailable":
      "Proteger fotos no está disponible aquí, en este navegador o en este servidor. Puedes seguir pidiendo que retiren imágenes íntimas.",
    "protect.back": "Volver al inicio",
    "protect.sendNote":
      "Al continuar, solo se envían las huellas y los rasgos de estas fotos. Las fotos se quedan en este dispositivo.",
    "protect.previewNote":
      "Esto es todo lo que sale de tu dispositivo. Los rasgos son largas cadenas de letras y números, aquí acortadas: al final se indica su longitud. Ninguna foto, ningún nombre de archivo, ninguna fecha, ningún lugar.",
    "protect.send.new": "Proteger estas fotos y abrir mi caso",
    "protect.send.add": "Proteger también estas fotos",
    "protect.send.sending": "Enviando…",
    "protect.send.nothingReady":
      "Primero elige al menos una foto normal y espera a que esté lista para proteger.",
    "protect.progress.working": {
      one: "Preparando las fotos: {done} de {n} foto lista.",
      other: "Preparando las fotos: {done} de {n} fotos listas.",
    },
    "protect.progress.done": {
      one: "{n} foto está lista para proteger. Todavía no se ha enviado nada.",
      other: "{n} fotos están listas para proteger. Todavía no se ha enviado nada.",
    },
    "protect.status.active":
      "Activo: las webs y apps que trabajan con nosotros están buscando copias editadas de estas fotos.",
    "protect.status.added": {
      one: "{n} foto más está protegida.",
      other: "{n} fotos más están protegidas.",
    },
    "protect.hashesNote":
      "Cada foto da tres huellas. Sus rasgos también se guardan, solo en nuestro servidor, y se borran si cancelas tu caso.",
    "protect.withdraw": "Los rasgos de tus fotos también se borran de nuestro servidor.",
    "photo.features": "Buscando los detalles que proteger…",
    "photo.protect.ready": "Lista para proteger",
    "photo.protect.plain": "Esta imagen es demasiado uniforme para protegerla: no se enviará.",
    "photo.protect.tiny": "Esta imagen es demasiado pequeña para protegerla: no se enviará.",
    "photo.protect.few": "Esta imagen tiene muy pocos detalles para protegerla: no se enviará.",
    "photo.protect.unreadable":
      "Este navegador no puede abrir este tipo de imagen, así que no se puede proteger. Prueba con un JPEG o una captura de pantalla.",
    "photo.error.unavailable": "Proteger fotos no está disponible aquí.",
  },
};
Object.assign(en, protectStrings.en);
Object.assign(es, protectStrings.es);

/** Every language's strings, by language code. */
export const STRINGS = Object.freeze({ en, es });

/** The first of the person's preferred languages that the page speaks, else English. */
export function pickLanguage(preferred = []) {
  for (const tag of preferred) {
    const code = String(tag).toLowerCase().split("-")[0];
    if (code in STRINGS) return code;
  }
  return "en";
}

/**
 * The string `key` in `lang`, with {placeholders} filled from `vars`. A string with plural forms
 * picks its form by `vars.n`. Falls back to English, then to the key itself.
 */
export function translate(lang, key, vars = {}) {
  return translateFrom(STRINGS, lang, key, vars);
}

/** `translate`, from another page's own table of strings (`{en: {...}, ...}`). */
export function translateFrom(strings, lang, key, vars = {}) {
  let text = strings[lang]?.[key] ?? strings.en[key] ?? key;
  if (typeof text === "object") {
    const form = new Intl.PluralRules(lang).select(Number(vars.n ?? 0));
    text = text[form] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}
