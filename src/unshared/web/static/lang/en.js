// The page's strings in English: the reference every other language follows (see ../i18n.js).
export default {
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
  "pick.formats": "Photos and screenshots: JPEG, PNG, WebP, GIF and most phone photos. Videos: MP4, WebM or MOV, if this browser can play them.",
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
  "pick.video": "Video",
  "photo.video.reading": "Opening the video…",
  "photo.video.hashing": "Making the fingerprints…",
  "photo.video.frames": "Fingerprinting the video: frame {i} of {n}…",
  "photo.video.ready": "Video fingerprints ready",
  "photo.video.plain": "Ready. This video is too plain for a picture fingerprint, so only exact copies of this file can be found.",
  "photo.error.video_unreadable": "This browser can't play this video, so its fingerprints can't be made here. Try an MP4 or WebM copy of it, or another browser.",
  "photo.error.video_too_large": "This video is too large to use here.",
  "photo.error.video_too_long": "This video is too long to use here.",
  "photo.error.video_protect": "Videos can't be protected here: choose photos.",
  "photo.error.cancelled": "Stopped.",

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
  "status.kind.vpdq": "Video (also finds re-encoded copies)",
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
  "status.addedWithVideos": {
    one: "The fingerprints of {n} photo or video were added.",
    other: "The fingerprints of {n} photos and videos were added.",
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

  // Protecting ordinary photos.
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
};
