// The page's strings in Spanish (see ../i18n.js).
export default {
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
  "pick.formats": "Fotos y capturas de pantalla: JPEG, PNG, WebP, GIF y la mayoría de fotos de móvil. Vídeos: MP4, WebM o MOV, si este navegador puede reproducirlos.",
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
  "pick.video": "Vídeo",
  "photo.video.reading": "Abriendo el vídeo…",
  "photo.video.hashing": "Creando las huellas…",
  "photo.video.frames": "Creando la huella del vídeo: fotograma {i} de {n}…",
  "photo.video.ready": "Huellas del vídeo listas",
  "photo.video.plain": "Listo. Este vídeo es demasiado uniforme para una huella de imagen, así que solo se podrán encontrar copias exactas de este archivo.",
  "photo.error.video_unreadable": "Este navegador no puede reproducir este vídeo, así que sus huellas no se pueden crear aquí. Prueba con una copia en MP4 o WebM, o con otro navegador.",
  "photo.error.video_too_large": "Este vídeo es demasiado grande para usarlo aquí.",
  "photo.error.video_too_long": "Este vídeo es demasiado largo para usarlo aquí.",
  "photo.error.video_protect": "Aquí no se pueden proteger vídeos: elige fotos.",
  "photo.error.cancelled": "Detenido.",

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
  "status.kind.vpdq": "Vídeo (también encuentra copias recodificadas)",
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
  "status.addedWithVideos": {
    one: "Se han añadido las huellas de {n} foto o vídeo.",
    other: "Se han añadido las huellas de {n} fotos y vídeos.",
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

  // Protecting ordinary photos.
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
};
