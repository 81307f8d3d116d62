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

  // The one question about the person, optional; and where a young person can get help.
  "minor.question":
    "Is the person in these photos under 18, or were they when the photos were taken?",
  "minor.optional":
    "You don't have to answer. If you say yes, platforms are told these are images of a child, which they must treat even more seriously. We never ask anything else about you.",
  "minor.yes": "Yes, under 18",
  "minor.no": "No",
  "minor.help":
    "You are not in trouble, and you did nothing wrong. You can keep going here, and you can also get help.",
  "minor.takeItDown":
    "Take It Down, from NCMEC (the US National Center for Missing & Exploited Children), also helps take down images of people under 18, in the same private way: takeitdown.ncmec.org",
  "minor.local":
    "To talk to someone: in the UK, Childline on 0800 1111 (childline.org.uk), or Report Remove; in the US, NCMEC on 1-800-843-5678; in Ireland, Childline on 1800 66 66 66. Or talk to an adult you trust.",

  // Leaving at once.
  "exit.button": "Quick exit",
  "exit.hint": "or press Esc three times",

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

  // Help and next steps. Addresses are words to read, never links the page loads.
  "help.title": "Help and next steps",
  "help.nextTitle": "What happens next",
  "help.next1":
    "Straight away: your fingerprints join the list. Platforms that take part fetch new fingerprints regularly, usually within a few hours.",
  "help.next2":
    "When a platform finds a matching image, it checks it and removes it under its own rules, usually within a few days. What they report shows on your case page.",
  "help.next3":
    "If you find a copy somewhere, add its link to your case: we can ask the site to take it down and show you how long they have to answer.",
  "help.sitesTitle": "Which sites take part",
  "help.sites":
    "Social networks, messaging apps, video and image hosts, and adult sites that have joined. Not every site has: that is why you can also report links one by one.",
  "help.threatTitle": "Someone is threatening me",
  "help.threatPay":
    "Don't pay and don't send anything more. Paying rarely makes it stop, and often brings more demands.",
  "help.threatEvidence":
    "Keep the evidence: screenshots of the messages, the account names and links, and the dates.",
  "help.threatBlock":
    "Then stop replying and block them. Make a case here so copies can be found if they share the images.",
  "help.threatReport":
    "Report it to the police and to the platform where they contacted you; a helpline can help you do it. You are the victim of a crime, and you are not in trouble.",
  "help.linesTitle": "People who can help",
  "help.lines":
    "UK: Revenge Porn Helpline, 0345 6000 459 (revengepornhelpline.org.uk); under 18, Childline, 0800 1111. US: Cyber Civil Rights Initiative, 844 878 2274 (cybercivilrights.org); under 18, NCMEC, 1-800-843-5678. Ireland: Hotline.ie. Australia: eSafety (esafety.gov.au). Anywhere: StopNCII.org.",

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

  // Links to copies, and the notices that ask for them to come down.
  "takedown.loading": "Loading…",
  "links.title": "Links to copies",
  "links.lead":
    "If you have found a copy of your photo online, tell us where. Our server looks at the link and compares what it finds with your fingerprints. It keeps only the fingerprints of what it found, never the picture, and this page never opens the link.",
  "links.none": "You haven't reported any links.",
  "links.heading": "On {host}",
  "links.unknownHost": "a website",
  "links.url": "Address",
  "links.reported": "Reported",
  "links.checked": "Last checked",
  "links.notChecked": "not yet",
  "links.status.reported": "Not checked yet.",
  "links.status.verified": "Checked: a copy of one of your photos is here.",
  "links.status.not_matching": "Checked: what is here doesn't match your photos.",
  "links.status.unreachable":
    "We couldn't check this link: the website didn't answer, or wouldn't let us see it.",
  "links.status.removed": "Gone: the copy is no longer here.",
  "links.status.other": "Checked.",
  "links.recheck": "Check this link again",
  "links.rechecking": "Checking…",
  "links.noticeOpen": "There is a takedown notice for this link below.",
  "links.regime": "Under which law",
  "links.prepare": "Prepare a takedown notice",
  "links.preparing": "Preparing…",
  "links.formTitle": "Report a link",
  "links.urlLabel": "Address of the copy",
  "links.urlHint":
    "Copy it from your browser's address bar (it starts with https://). Only this address is sent.",
  "links.submit": "Check this link",
  "links.checking": "Checking the link…",
  "links.result.verified":
    "We checked the link: it has a copy of one of your photos. It is now in your list of links.",
  "links.result.not_matching":
    "We checked the link, but what is there doesn't match your photos. A picture that was changed a lot may not be found this way.",
  "links.result.unreachable":
    "We couldn't check the link: the website didn't answer, or wouldn't let us see it. You can try again later.",
  "links.result.removed": "We checked the link: the copy is gone.",
  "links.result.reported": "The link is saved, and will be checked.",
  "links.error.empty": "Paste the address of the copy.",
  "links.error.not_a_url":
    "That doesn't look like a web address. Copy it from your browser's address bar.",
  "links.error.scheme": "Only web addresses (those that start with http:// or https://) can be checked.",
  "links.error.address":
    "That address leads into a private network, not to a public website, so it can't be checked.",
  "links.error.too_long": "That address is too long to check.",
  "links.error.userinfo": "Addresses with a user name or password in them can't be checked.",
  "links.error.refused": "This link can't be checked.",
  "links.error.rate_limited":
    "You have reported many links in the last hour. Please wait {minutes} minutes and try again.",
  "links.error.conflict": "This case is withdrawn, so links can't be reported or checked.",
  "links.error.fetch_failed": "We couldn't reach that website. Check the address, or try again later.",
  "links.serviceSaid": "The service said: {message}",

  "notices.title": "Takedown notices",
  "notices.lead":
    "A takedown notice asks the website that has a copy to remove it, in the form the law asks for. Once the website has it, it has a deadline to act; after the deadline we check the link again.",
  "notices.unavailable": "Takedown notices are not available on this server yet.",
  "notices.none": "No notices yet. Once a link is checked and has a copy, you can prepare one.",
  "notices.heading": "Notice to {host}",
  "notices.overdueBy": "Overdue by {time}",
  "notices.left": "{time} left for the website to act",
  "notices.noDeadline": "Not sent yet, so no deadline yet",
  "notices.closed": "Closed {date}",
  "notices.state.draft":
    "Ready, not sent. Download it to send it yourself, or ask us to send it for you.",
  "notices.state.sent": "Sent. The website must act before the deadline.",
  "notices.state.authorised": "You asked us to send it for you: we will send it soon.",
  "notices.state.acknowledged": "The website has said it received the notice.",
  "notices.state.removed": "Done: the copy was taken down.",
  "notices.state.overdue":
    "Overdue: the copy was still there after the deadline. A follow-up notice is ready.",
  "notices.state.due": "The deadline has passed. We will check the link again soon.",
  "notices.state.withdrawn": "Withdrawn. Nothing more will be sent.",
  "notices.state.other": "The notice has changed.",
  "notices.law": "Law",
  "notices.url": "Address",
  "notices.how": "How it is sent",
  "notices.how.download": "You send it yourself",
  "notices.how.email": "By email to {recipient}",
  "notices.how.emailNoRecipient": "By email",
  "notices.how.forYou": "(we send it for you)",
  "notices.sent": "Sent",
  "notices.deadline": "Deadline",
  "notices.followUp": "This follows up an earlier notice that was not acted on in time.",
  "notices.actions": "What to do with the notice to {host}",
  "notices.format": "File type",
  "notices.format.pdf": "PDF",
  "notices.format.html": "Web page (HTML)",
  "notices.format.text": "Plain text",
  "notices.download": "Download the notice",
  "notices.downloading": "Preparing the file…",
  "notices.downloadHint":
    "If you send it yourself, read it through first, and add your name, contact details and signature where it asks for them.",
  "notices.downloaded": "The notice was saved on this device as {name}.",
  "notices.authorise": "Ask us to send it for me",
  "notices.withdraw": "Withdraw this notice",
  "notices.withdrawConfirm":
    "Withdraw this notice? We will not send it or follow it up any more. A notice that was already sent can't be unsent.",
  "notices.withdrawYes": "Yes, withdraw the notice",
  "notices.withdrawNo": "No, keep it",
  "notices.withdrawing": "Withdrawing…",
  "notices.withdrawn": "The notice was withdrawn.",
  "notices.drafted": "The notice is ready: you'll find it under Takedown notices.",
  "notices.error.gone": "This notice is no longer there. Choose Check again to see your notices as they are now.",
  "regime.us_take_it_down": "United States: TAKE IT DOWN Act",
  "regime.eu_dsa_16": "European Union: Digital Services Act, Article 16",
  "regime.uk_osa": "United Kingdom: Online Safety Act",
  "regime.other": "Another law",
  "regime.hint":
    "Choose where the website is based, if you know. If you are not sure, the people who run this service can help.",

  "authorise.title": "Ask us to send this notice for you",
  "authorise.lead":
    "The people who run this service will send the notice to the website and keep track of its deadline. For the notice to count, the law asks for the name of the person in the picture, or of someone allowed to act for them (a parent, say), a way to reach them, and a signature.",
  "authorise.privacy":
    "Your details are used only in this notice: they go to the website that has the copy, so that it can act. They are never shown to the other websites and apps that work with Unshared, and never used for anything else.",
  "authorise.name": "Full name",
  "authorise.nameHint":
    "Yours, if the picture is of you; if you act for the person in it, yours as their parent, guardian or representative.",
  "authorise.email": "Email address",
  "authorise.signature": "Signature",
  "authorise.signatureHint": "Type your full name: this is your electronic signature.",
  "authorise.phone": "Phone number (optional)",
  "authorise.address": "Postal address (optional)",
  "authorise.goodFaith":
    "I believe in good faith that this picture was shared without the consent of the person in it.",
  "authorise.missing.name": "Enter your full name.",
  "authorise.missing.email": "Enter an email address where you can be reached.",
  "authorise.missing.signature": "Type your full name as your signature.",
  "authorise.missing.goodFaith": "The notice can only be sent with this statement.",
  "authorise.badEmail": "That doesn't look like an email address.",
  "authorise.submit": "Send the notice for me",
  "authorise.sending": "Sending…",
  "authorise.cancel": "Cancel",
  "authorise.done": "Thank you. We will send the notice and keep track of its deadline.",

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

  "minor.question":
    "¿La persona de estas fotos es menor de 18 años, o lo era cuando se hicieron las fotos?",
  "minor.optional":
    "No tienes que responder. Si dices que sí, las plataformas sabrán que son imágenes de un menor, que deben tratar con aún más seriedad. Nunca te preguntamos nada más.",
  "minor.yes": "Sí, menor de 18",
  "minor.no": "No",
  "minor.help":
    "No estás en problemas y no has hecho nada malo. Puedes seguir aquí y también pedir ayuda.",
  "minor.takeItDown":
    "Take It Down, del NCMEC (el Centro Nacional para Niños Desaparecidos y Explotados de EE. UU.), también ayuda a retirar imágenes de menores de 18, de la misma forma privada: takeitdown.ncmec.org",
  "minor.local":
    "Para hablar con alguien: en España, la Fundación ANAR en el 900 20 20 10 (anar.org) o INCIBE en el 017; en México, el 911; en EE. UU., el NCMEC en el 1-800-843-5678. O habla con un adulto de confianza.",

  "exit.button": "Salida rápida",
  "exit.hint": "o pulsa Esc tres veces",

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

  "help.title": "Ayuda y próximos pasos",
  "help.nextTitle": "Qué pasa ahora",
  "help.next1":
    "Al momento: tus huellas entran en la lista. Las plataformas que participan descargan las huellas nuevas con regularidad, normalmente en unas pocas horas.",
  "help.next2":
    "Cuando una plataforma encuentra una imagen que coincide, la revisa y la retira según sus normas, normalmente en unos pocos días. Lo que informan aparece en la página de tu caso.",
  "help.next3":
    "Si encuentras una copia en algún sitio, añade su enlace a tu caso: podemos pedir a la web que la retire y mostrarte cuánto tiempo tiene para responder.",
  "help.sitesTitle": "Qué webs participan",
  "help.sites":
    "Redes sociales, apps de mensajería, webs de vídeos e imágenes, y webs para adultos que se han unido. No todas lo han hecho: por eso también puedes informar de enlaces uno a uno.",
  "help.threatTitle": "Alguien me está amenazando",
  "help.threatPay":
    "No pagues y no envíes nada más. Pagar casi nunca lo detiene, y a menudo trae más exigencias.",
  "help.threatEvidence":
    "Guarda las pruebas: capturas de los mensajes, los nombres de las cuentas y los enlaces, y las fechas.",
  "help.threatBlock":
    "Después deja de responder y bloquéalos. Abre un caso aquí para que se encuentren las copias si comparten las imágenes.",
  "help.threatReport":
    "Denúncialo a la policía y a la plataforma donde te contactaron; una línea de ayuda puede ayudarte a hacerlo. Eres víctima de un delito y no estás en problemas.",
  "help.linesTitle": "Quién puede ayudarte",
  "help.lines":
    "España: INCIBE, 017 (incibe.es); menores, Fundación ANAR, 900 20 20 10 (anar.org). México: Policía Cibernética, 088. Argentina: Línea 137. EE. UU.: Cyber Civil Rights Initiative, 844 878 2274 (cybercivilrights.org); menores, NCMEC, 1-800-843-5678. En cualquier lugar: StopNCII.org.",

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

  // Enlaces a copias, y los avisos que piden retirarlas.
  "takedown.loading": "Cargando…",
  "links.title": "Enlaces a copias",
  "links.lead":
    "Si has encontrado una copia de tu foto en internet, dinos dónde. Nuestro servidor mira el enlace y compara lo que encuentra con tus huellas. Solo guarda las huellas de lo que encontró, nunca la imagen, y esta página nunca abre el enlace.",
  "links.none": "No has enviado ningún enlace.",
  "links.heading": "En {host}",
  "links.unknownHost": "una web",
  "links.url": "Dirección",
  "links.reported": "Enviado",
  "links.checked": "Última comprobación",
  "links.notChecked": "todavía no",
  "links.status.reported": "Todavía sin comprobar.",
  "links.status.verified": "Comprobado: aquí hay una copia de una de tus fotos.",
  "links.status.not_matching": "Comprobado: lo que hay aquí no coincide con tus fotos.",
  "links.status.unreachable":
    "No hemos podido comprobar este enlace: la web no respondió o no nos dejó verlo.",
  "links.status.removed": "Ya no está: la copia ha desaparecido de aquí.",
  "links.status.other": "Comprobado.",
  "links.recheck": "Volver a comprobar este enlace",
  "links.rechecking": "Comprobando…",
  "links.noticeOpen": "Hay un aviso de retirada para este enlace más abajo.",
  "links.regime": "Según qué ley",
  "links.prepare": "Preparar un aviso de retirada",
  "links.preparing": "Preparando…",
  "links.formTitle": "Enviar un enlace",
  "links.urlLabel": "Dirección de la copia",
  "links.urlHint":
    "Cópiala de la barra de direcciones del navegador (empieza por https://). Solo se envía esta dirección.",
  "links.submit": "Comprobar este enlace",
  "links.checking": "Comprobando el enlace…",
  "links.result.verified":
    "Hemos comprobado el enlace: tiene una copia de una de tus fotos. Ya está en tu lista de enlaces.",
  "links.result.not_matching":
    "Hemos comprobado el enlace, pero lo que hay no coincide con tus fotos. Una imagen muy modificada puede no encontrarse así.",
  "links.result.unreachable":
    "No hemos podido comprobar el enlace: la web no respondió o no nos dejó verlo. Puedes volver a intentarlo más tarde.",
  "links.result.removed": "Hemos comprobado el enlace: la copia ya no está.",
  "links.result.reported": "El enlace está guardado y se comprobará.",
  "links.error.empty": "Pega la dirección de la copia.",
  "links.error.not_a_url":
    "Eso no parece una dirección web. Cópiala de la barra de direcciones del navegador.",
  "links.error.scheme": "Solo se pueden comprobar direcciones web (las que empiezan por http:// o https://).",
  "links.error.address":
    "Esa dirección lleva a una red privada, no a una web pública, así que no se puede comprobar.",
  "links.error.too_long": "Esa dirección es demasiado larga para comprobarla.",
  "links.error.userinfo": "No se pueden comprobar direcciones con un usuario o contraseña.",
  "links.error.refused": "Este enlace no se puede comprobar.",
  "links.error.rate_limited":
    "Has enviado muchos enlaces en la última hora. Espera {minutes} minutos y vuelve a intentarlo.",
  "links.error.conflict":
    "Este caso está cancelado, así que no se pueden enviar ni comprobar enlaces.",
  "links.error.fetch_failed":
    "No hemos podido llegar a esa web. Revisa la dirección o vuelve a intentarlo más tarde.",
  "links.serviceSaid": "El servicio dijo: {message}",

  "notices.title": "Avisos de retirada",
  "notices.lead":
    "Un aviso de retirada pide a la web que tiene una copia que la quite, en la forma que pide la ley. Cuando la web lo recibe, tiene un plazo para actuar; pasado el plazo, volvemos a comprobar el enlace.",
  "notices.unavailable": "Los avisos de retirada todavía no están disponibles en este servidor.",
  "notices.none":
    "Todavía no hay avisos. Cuando un enlace esté comprobado y tenga una copia, podrás preparar uno.",
  "notices.heading": "Aviso a {host}",
  "notices.overdueBy": "Plazo vencido hace {time}",
  "notices.left": "Quedan {time} para que la web actúe",
  "notices.noDeadline": "Todavía sin enviar, así que aún no hay plazo",
  "notices.closed": "Cerrado el {date}",
  "notices.state.draft":
    "Listo, sin enviar. Descárgalo para enviarlo tú, o pídenos que lo enviemos por ti.",
  "notices.state.sent": "Enviado. La web debe actuar antes de que venza el plazo.",
  "notices.state.authorised": "Nos pediste que lo enviáramos por ti: lo enviaremos pronto.",
  "notices.state.acknowledged": "La web ha confirmado que recibió el aviso.",
  "notices.state.removed": "Hecho: la copia se retiró.",
  "notices.state.overdue":
    "Plazo vencido: la copia seguía ahí después del plazo. Hay un aviso de seguimiento listo.",
  "notices.state.due": "El plazo ha vencido. Volveremos a comprobar el enlace pronto.",
  "notices.state.withdrawn": "Anulado. No se enviará nada más.",
  "notices.state.other": "El aviso ha cambiado.",
  "notices.law": "Ley",
  "notices.url": "Dirección",
  "notices.how": "Cómo se envía",
  "notices.how.download": "Lo envías tú",
  "notices.how.email": "Por correo a {recipient}",
  "notices.how.emailNoRecipient": "Por correo",
  "notices.how.forYou": "(lo enviamos por ti)",
  "notices.sent": "Enviado",
  "notices.deadline": "Plazo",
  "notices.followUp": "Este aviso da seguimiento a otro anterior que no se atendió a tiempo.",
  "notices.actions": "Qué hacer con el aviso a {host}",
  "notices.format": "Tipo de archivo",
  "notices.format.pdf": "PDF",
  "notices.format.html": "Página web (HTML)",
  "notices.format.text": "Texto",
  "notices.download": "Descargar el aviso",
  "notices.downloading": "Preparando el archivo…",
  "notices.downloadHint":
    "Si lo envías tú, léelo antes y añade tu nombre, tus datos de contacto y tu firma donde los pida.",
  "notices.downloaded": "El aviso se ha guardado en este dispositivo como {name}.",
  "notices.authorise": "Pedir que lo envíen en mi nombre",
  "notices.withdraw": "Anular este aviso",
  "notices.withdrawConfirm":
    "¿Anular este aviso? Ya no lo enviaremos ni haremos seguimiento. Un aviso que ya se envió no se puede deshacer.",
  "notices.withdrawYes": "Sí, anular el aviso",
  "notices.withdrawNo": "No, mantenerlo",
  "notices.withdrawing": "Anulando…",
  "notices.withdrawn": "El aviso se ha anulado.",
  "notices.drafted": "El aviso está listo: lo encontrarás en Avisos de retirada.",
  "notices.error.gone":
    "Este aviso ya no existe. Pulsa Volver a comprobar para ver tus avisos como están ahora.",
  "regime.us_take_it_down": "Estados Unidos: ley TAKE IT DOWN",
  "regime.eu_dsa_16": "Unión Europea: Reglamento de Servicios Digitales, artículo 16",
  "regime.uk_osa": "Reino Unido: Online Safety Act",
  "regime.other": "Otra ley",
  "regime.hint":
    "Elige dónde tiene su sede la web, si lo sabes. Si no estás seguro o segura, las personas que gestionan este servicio pueden ayudarte.",

  "authorise.title": "Pedir que enviemos este aviso por ti",
  "authorise.lead":
    "Las personas que gestionan este servicio enviarán el aviso a la web y vigilarán su plazo. Para que el aviso valga, la ley pide el nombre de la persona de la imagen, o de alguien autorizado a actuar por ella (su madre o su padre, por ejemplo), una forma de contactarla y una firma.",
  "authorise.privacy":
    "Tus datos se usan solo en este aviso: van a la web que tiene la copia, para que pueda actuar. Nunca se muestran a las otras webs y apps que colaboran con Unshared ni se usan para nada más.",
  "authorise.name": "Nombre completo",
  "authorise.nameHint":
    "El tuyo, si la imagen es tuya; si actúas por la persona de la imagen, el tuyo como su madre, padre, tutor o representante.",
  "authorise.email": "Correo electrónico",
  "authorise.signature": "Firma",
  "authorise.signatureHint": "Escribe tu nombre completo: es tu firma electrónica.",
  "authorise.phone": "Teléfono (opcional)",
  "authorise.address": "Dirección postal (opcional)",
  "authorise.goodFaith":
    "Creo de buena fe que esta imagen se compartió sin el consentimiento de la persona que aparece en ella.",
  "authorise.missing.name": "Escribe tu nombre completo.",
  "authorise.missing.email": "Escribe un correo donde podamos contactarte.",
  "authorise.missing.signature": "Escribe tu nombre completo como firma.",
  "authorise.missing.goodFaith": "El aviso solo se puede enviar con esta declaración.",
  "authorise.badEmail": "Eso no parece un correo electrónico.",
  "authorise.submit": "Enviar el aviso en mi nombre",
  "authorise.sending": "Enviando…",
  "authorise.cancel": "Cancelar",
  "authorise.done": "Gracias. Enviaremos el aviso y vigilaremos su plazo.",

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
  // A value that ends a sentence with its own full stop ("5:30 p. m." in Spanish) keeps one.
  return text.replace(/\{(\w+)\}(\.?)/g, (whole, name, stop) => {
    if (!(name in vars)) return whole;
    const value = String(vars[name]);
    return stop && value.endsWith(".") ? value : value + stop;
  });
}
