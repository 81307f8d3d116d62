// The page's strings in Portuguese (see ../i18n.js): Brazilian Portuguese, the most widely read,
// in words a reader in Portugal also follows easily.
export default {
  "page.title": "Unshared: remova imagens íntimas sem enviá-las",
  "skip": "Ir para o conteúdo principal",
  "language.label": "Idioma",
  "noscript":
    "Esta página precisa de JavaScript para criar as impressões digitais das suas fotos no seu próprio aparelho.",

  "start.title": "Peça a remoção de imagens íntimas suas, sem enviá-las a ninguém",
  "start.lead":
    "Se alguém compartilhou, ou está ameaçando compartilhar, uma imagem sua nua, seminua ou sexual, você pode pedir aqui que ela seja removida. Isso inclui imagens falsas feitas com IA ou aplicativos de fotos.",
  "start.notYourFault": "A culpa não é sua, e você não está em apuros.",
  "start.returning": "Já tem um número de caso?",
  "start.returningLink": "Consultar meu caso",
  "add.title": "Adicionar fotos ao caso {case}",
  "add.lead":
    "Escolha mais fotos do mesmo tipo. Como antes, elas ficam neste aparelho e só as impressões digitais delas são enviadas.",
  "add.back": "Voltar ao meu caso",

  "pick.title": "Escolha as fotos",
  "pick.hint":
    "Escolha as fotos que você quer que sejam removidas, ou capturas de tela delas. Elas não são enviadas: esta página as analisa aqui, no seu aparelho.",
  "pick.drop": "Solte as fotos aqui, ou",
  "pick.choose": "Escolher fotos",
  "pick.formats": "Fotos e capturas de tela: JPEG, PNG, WebP, GIF e a maioria das fotos de celular. Vídeos: MP4, WebM ou MOV, se este navegador conseguir reproduzi-los.",
  "pick.listLabel": "Fotos que você escolheu",
  "pick.blur": "Desfocar as miniaturas",
  "pick.remove": "Remover",
  "pick.removeLabel": "Remover {name}",
  "pick.sizeKB": "{n} KB",
  "pick.sizeMB": "{n} MB",
  "pick.noPreview": "Sem miniatura",

  "photo.waiting": "Aguardando…",
  "photo.reading": "Lendo a foto…",
  "photo.hashing": "Criando as impressões digitais…",
  "photo.decoding": "Criando as impressões digitais…",
  "photo.fingerprinting": "Criando as impressões digitais…",
  "photo.ready": "Impressões digitais prontas",
  "photo.plain":
    "Pronta. Esta imagem é muito uniforme, por isso só cópias exatas deste arquivo poderão ser encontradas.",
  "photo.tiny":
    "Pronta. Esta imagem é muito pequena, por isso só cópias exatas deste arquivo poderão ser encontradas.",
  "photo.unreadable":
    "Pronta. Este navegador não consegue abrir este tipo de imagem, por isso só cópias exatas deste arquivo poderão ser encontradas. Para resultados melhores, escolha um JPEG ou uma captura de tela dela.",
  "photo.duplicate": "Você já escolheu esta foto.",
  "photo.error.empty": "Este arquivo está vazio e não pode ser usado.",
  "photo.error.too_large": "Este arquivo é grande demais para ser usado aqui.",
  "photo.error.not_image": "Isto não parece ser uma imagem e não pode ser usado.",
  "photo.error.failed": "Algo deu errado com esta foto. Tente escolhê-la de novo.",
  "pick.video": "Vídeo",
  "photo.video.reading": "Abrindo o vídeo…",
  "photo.video.hashing": "Criando as impressões…",
  "photo.video.frames": "Criando a impressão do vídeo: quadro {i} de {n}…",
  "photo.video.ready": "Impressões do vídeo prontas",
  "photo.video.plain": "Pronto. Este vídeo é uniforme demais para uma impressão de imagem, então só cópias exatas deste arquivo poderão ser encontradas.",
  "photo.error.video_unreadable": "Este navegador não consegue reproduzir este vídeo, então as impressões dele não podem ser criadas aqui. Tente uma cópia em MP4 ou WebM, ou outro navegador.",
  "photo.error.video_too_large": "Este vídeo é grande demais para usar aqui.",
  "photo.error.video_too_long": "Este vídeo é longo demais para usar aqui.",
  "photo.error.video_protect": "Vídeos não podem ser protegidos aqui: escolha fotos.",
  "photo.error.cancelled": "Interrompido.",

  "progress.working": {
    one: "Criando as impressões digitais: {done} de {n} foto pronta.",
    other: "Criando as impressões digitais: {done} de {n} fotos prontas.",
  },
  "progress.done": {
    one: "As impressões digitais de {n} foto estão prontas. Nada foi enviado ainda.",
    other: "As impressões digitais de {n} fotos estão prontas. Nada foi enviado ainda.",
  },
  "progress.none": "Nenhuma foto escolhida ainda.",

  "send.note":
    "Quando você continuar, só as impressões digitais serão enviadas. Suas fotos ficam neste aparelho.",
  "send.new": "Enviar as impressões digitais e abrir meu caso",
  "send.add": "Adicionar estas impressões digitais ao meu caso",
  "send.sending": "Enviando as impressões digitais…",
  "send.nothingReady":
    "Primeiro escolha pelo menos uma foto e espere até as impressões digitais dela ficarem prontas.",
  "send.preview": "Ver exatamente o que será enviado",
  "send.previewNote":
    "Isto é tudo o que sai do seu aparelho: uma linha de letras e números por impressão digital. Nenhuma foto, nenhum nome de arquivo, nenhuma data, nenhum lugar.",

  "minor.question":
    "A pessoa nestas fotos tem menos de 18 anos, ou tinha quando as fotos foram tiradas?",
  "minor.optional":
    "Você não precisa responder. Se disser que sim, as plataformas são avisadas de que são imagens de uma criança ou adolescente, que elas devem tratar com ainda mais seriedade. Nunca perguntamos mais nada sobre você.",
  "minor.yes": "Sim, menos de 18",
  "minor.no": "Não",
  "minor.help":
    "Você não está em apuros e não fez nada de errado. Pode continuar aqui, e também pode pedir ajuda.",
  "minor.takeItDown":
    "O Take It Down, do NCMEC (o centro norte-americano para crianças desaparecidas e exploradas), também ajuda a remover imagens de pessoas com menos de 18 anos, da mesma forma sigilosa: takeitdown.ncmec.org",
  "minor.local":
    "Para falar com alguém: no Brasil, a SaferNet (safernet.org.br) ou o Disque 100; em Portugal, a Linha Internet Segura, 800 21 90 90, ou o SOS-Criança, 116 111. Ou converse com um adulto de confiança.",

  "exit.button": "Sair rápido",
  "exit.hint": "ou aperte Esc três vezes",

  "how.title": "Como funciona",
  "how.1": "Você escolhe as fotos aqui. Elas ficam no seu aparelho: nunca são enviadas.",
  "how.2":
    "Esta página calcula uma impressão digital de cada foto: um código curto feito a partir da imagem, como um código de barras dela.",
  "how.3":
    "Só as impressões digitais são enviadas. Sites e aplicativos que trabalham conosco comparam novos envios com elas e podem bloquear ou remover cópias das suas fotos.",
  "how.4":
    "Você recebe um número de caso e um PIN. Com eles, pode ver o que aconteceu, adicionar fotos ou cancelar seu caso a qualquer momento.",
  "shared.title": "O que sai do seu aparelho, e o que não sai",
  "shared.sentTitle": "Enviado",
  "shared.sent1": "As impressões digitais das fotos que você escolher.",
  "shared.sent2": "Mais nada: não pedimos seu nome, e-mail, telefone nem idade.",
  "shared.notSentTitle": "Nunca enviado",
  "shared.notSent1": "As próprias fotos, nem qualquer parte delas.",
  "shared.notSent2": "Os nomes dos arquivos, datas, lugares ou qualquer outra coisa guardada nas fotos.",
  "shared.reveal":
    "Uma impressão digital não pode ser transformada de volta na sua foto. Ela guarda só uma ideia muito vaga de onde a imagem é mais clara ou mais escura: não o suficiente para ver quem ou o que aparece nela. Quem já tem uma imagem pode calcular a impressão digital dela e ver se bate com a sua; é assim que os sites encontram cópias.",
  "shared.withdraw":
    "Você continua no controle: se cancelar seu caso, suas impressões digitais deixam de funcionar na hora.",
  "tech.title": "Os detalhes técnicos",
  "tech.body":
    "Para cada foto, esta página calcula três hashes no seu navegador: PDQ, um hash perceptual (256 bits) que também encontra cópias redimensionadas ou levemente editadas, e MD5 e SHA-256, que encontram cópias exatas do arquivo. Imagens uniformes demais para o PDQ recebem só MD5 e SHA-256. Só esses hashes são enviados. A página não carrega nada de nenhum outro site.",

  "help.title": "Ajuda e próximos passos",
  "help.nextTitle": "O que acontece agora",
  "help.next1":
    "Na hora: suas impressões digitais entram na lista. As plataformas participantes buscam novas impressões digitais com frequência, normalmente em poucas horas.",
  "help.next2":
    "Quando uma plataforma encontra uma imagem correspondente, ela a confere e a remove segundo as próprias regras, normalmente em poucos dias. O que ela informar aparece na página do seu caso.",
  "help.next3":
    "Se você encontrar uma cópia em algum lugar, adicione o link ao seu caso: podemos pedir ao site que a remova e mostrar quanto tempo ele tem para responder.",
  "help.sitesTitle": "Quais sites participam",
  "help.sites":
    "Redes sociais, aplicativos de mensagens, sites de vídeos e imagens, e sites adultos que aderiram. Nem todos os sites participam: por isso você também pode denunciar links um por um.",
  "help.threatTitle": "Alguém está me ameaçando",
  "help.threatPay":
    "Não pague e não envie mais nada. Pagar raramente faz a pessoa parar, e muitas vezes traz novas exigências.",
  "help.threatEvidence":
    "Guarde as provas: capturas de tela das mensagens, os nomes das contas e os links, e as datas.",
  "help.threatBlock":
    "Depois pare de responder e bloqueie a pessoa. Abra um caso aqui para que as cópias possam ser encontradas se ela compartilhar as imagens.",
  "help.threatReport":
    "Denuncie à polícia e à plataforma onde a pessoa entrou em contato; uma linha de ajuda pode ajudar você a fazer isso. Você é vítima de um crime, e não está em apuros.",
  "help.linesTitle": "Quem pode ajudar",
  "help.lines":
    "Brasil: SaferNet Brasil, ajuda sigilosa por chat e e-mail (safernet.org.br); Disque 100 (direitos humanos, também para crianças e adolescentes); Ligue 180 (Central de Atendimento à Mulher). Portugal: Linha Internet Segura, 800 21 90 90 (APAV, internetsegura.pt); Linha de Apoio à Vítima, 116 006; crianças e jovens, SOS-Criança, 116 111. Em qualquer lugar: StopNCII.org.",

  "created.title": "Seu caso está aberto",
  "created.lead":
    "Sites e aplicativos que trabalham conosco já podem procurar cópias destas fotos. Aqui está o que você precisa para acompanhar seu caso.",
  "created.caseLabel": "Número do caso",
  "created.pinLabel": "PIN",
  "created.copy": "Copiar",
  "created.copyCase": "Copiar o número do caso",
  "created.copyPin": "Copiar o PIN",
  "created.copied": "Copiado.",
  "created.copyFailed": "Não foi possível copiar. Selecione o texto e copie você mesmo.",
  "created.warningTitle": "Guarde isto agora",
  "created.warning":
    "O PIN não será mostrado de novo, e ninguém pode recuperá-lo para você, nem nós. Você precisa do número do caso e do PIN para consultar seu caso, adicionar fotos ou cancelá-lo.",
  "created.download": "Baixar como arquivo de texto",
  "created.downloadHint":
    "Ou anote. Guarde em um lugar privado que só você possa abrir.",
  "created.saved": "Guardei meu número de caso e meu PIN",
  "created.continue": "Ir para o meu caso",
  "created.savedFirst": "Guarde primeiro seu número de caso e seu PIN, depois marque a caixa.",
  "created.support":
    "Você não precisa passar por isso sozinho. Se puder, converse com alguém de confiança. Se você tem menos de 18 anos, um adulto de confiança pode ajudar.",

  "file.name": "unshared-caso-{case}.txt",
  "file.body":
    "Unshared: seu caso\n\nNúmero do caso: {case}\nPIN: {pin}\nAberto em: {date}\n\nVocê precisa dos dois para consultar seu caso, adicionar fotos ou cancelá-lo, em {address}\nO PIN não pode ser mostrado de novo. Guarde este arquivo em um lugar privado.\n",

  "signin.title": "Consultar seu caso",
  "signin.lead": "Digite o número do caso e o PIN que você recebeu quando abriu seu caso.",
  "signin.case": "Número do caso",
  "signin.caseHint": "Tem o formato UN-XXXX-XXXX.",
  "signin.pin": "PIN",
  "signin.pinHint": "Tem o formato XXXXX-XXXXX.",
  "signin.submit": "Abrir meu caso",
  "signin.opening": "Abrindo seu caso…",
  "signin.back": "Voltar ao início",
  "signin.missingCase": "Digite o número do seu caso.",
  "signin.missingPin": "Digite seu PIN.",
  "signin.lost":
    "Perdeu o PIN? Ele não pode ser recuperado. Você pode abrir um novo caso com as mesmas fotos a qualquer momento.",

  "status.title": "Seu caso {case}",
  "status.active": "Ativo: sites e aplicativos que trabalham conosco estão procurando estas fotos.",
  "status.withdrawn": "Cancelado em {date}. Estas impressões digitais não correspondem mais a nada.",
  "status.opened": "Aberto em {date}.",
  "status.hashesTitle": "Suas impressões digitais",
  "status.hashesCount": { one: "{n} impressão digital.", other: "{n} impressões digitais." },
  "status.hashesNote":
    "Cada foto gera até três impressões digitais: uma da imagem e duas do arquivo exato.",
  "status.showHashes": "Mostrar cada impressão digital",
  "status.colAdded": "Adicionada",
  "status.colKind": "Tipo",
  "status.colState": "Situação",
  "status.kind.pdq": "Imagem (também encontra cópias editadas)",
  "status.kind.md5": "Arquivo exato",
  "status.kind.sha256": "Arquivo exato",
  "status.kind.other": "Outro",
  "status.kind.vpdq": "Vídeo (também encontra cópias recodificadas)",
  "status.state.active": "Sendo procurada",
  "status.state.withdrawn": "Cancelada",
  "status.state.disabled": "Pausada pela nossa equipe de revisão",
  "status.state.quarantined": "Em espera enquanto nossa equipe verifica",
  "status.reportsTitle": "O que sites e aplicativos nos informaram",
  "status.reportsNone":
    "Nada ainda. Isso é normal: um site só nos avisa quando encontra uma cópia de uma das suas fotos.",
  "status.colWhen": "Quando",
  "status.colWhat": "O que aconteceu",
  "status.outcome.removed": "Uma cópia foi encontrada e removida.",
  "status.outcome.blocked": "Alguém tentou enviar uma cópia, e ela foi bloqueada.",
  "status.outcome.queued": "Uma possível cópia foi encontrada e está esperando a verificação do site.",
  "status.outcome.not_ncii":
    "O site verificou uma possível cópia e concluiu que ela não corresponde a este pedido.",
  "status.outcome.duplicate": "Foi encontrada uma cópia que já tinha sido tratada.",
  "status.outcome.not_found": "O site procurou uma cópia, mas ela já não estava lá.",
  "status.outcome.other": "O site enviou uma atualização.",
  "status.add": "Adicionar mais fotos",
  "status.withdraw": "Cancelar meu caso",
  "status.refresh": "Verificar de novo",
  "status.close": "Terminei por agora",
  "status.closeHint":
    "Esta página guarda seu número de caso e seu PIN só enquanto está aberta. Quando você terminar, ela os esquece; seu caso continua.",
  "status.added": {
    one: "As impressões digitais de {n} foto foram adicionadas.",
    other: "As impressões digitais de {n} fotos foram adicionadas.",
  },
  "status.addedWithVideos": {
    one: "As impressões digitais de {n} foto ou vídeo foram adicionadas.",
    other: "As impressões digitais de {n} fotos e vídeos foram adicionadas.",
  },
  "status.addedNone": "Essas fotos já estavam no seu caso, então nada mudou.",
  "status.refreshed": "Atualizado.",
  "status.withdrawnNote": "Seu caso foi cancelado. Você pode abrir um novo caso a qualquer momento.",
  "status.newCase": "Abrir um novo caso",

  "takedown.loading": "Carregando…",
  "links.title": "Links para cópias",
  "links.lead":
    "Se você encontrou uma cópia da sua foto na internet, diga onde. Nosso servidor acessa o link e compara o que encontra com as suas impressões digitais. Ele guarda só as impressões digitais do que encontrou, nunca a imagem, e esta página nunca abre o link.",
  "links.none": "Você não denunciou nenhum link.",
  "links.heading": "Em {host}",
  "links.unknownHost": "um site",
  "links.url": "Endereço",
  "links.reported": "Denunciado",
  "links.checked": "Última verificação",
  "links.notChecked": "ainda não",
  "links.status.reported": "Ainda não verificado.",
  "links.status.verified": "Verificado: há uma cópia de uma das suas fotos aqui.",
  "links.status.not_matching": "Verificado: o que está aqui não corresponde às suas fotos.",
  "links.status.unreachable":
    "Não conseguimos verificar este link: o site não respondeu ou não nos deixou ver.",
  "links.status.removed": "Removida: a cópia não está mais aqui.",
  "links.status.other": "Verificado.",
  "links.recheck": "Verificar este link de novo",
  "links.rechecking": "Verificando…",
  "links.noticeOpen": "Há um pedido de remoção para este link logo abaixo.",
  "links.regime": "Com base em qual lei",
  "links.prepare": "Preparar um pedido de remoção",
  "links.preparing": "Preparando…",
  "links.formTitle": "Denunciar um link",
  "links.urlLabel": "Endereço da cópia",
  "links.urlHint":
    "Copie da barra de endereço do navegador (começa com https://). Só este endereço é enviado.",
  "links.submit": "Verificar este link",
  "links.checking": "Verificando o link…",
  "links.result.verified":
    "Verificamos o link: ele tem uma cópia de uma das suas fotos. Agora ele está na sua lista de links.",
  "links.result.not_matching":
    "Verificamos o link, mas o que está lá não corresponde às suas fotos. Uma imagem muito alterada pode não ser encontrada assim.",
  "links.result.unreachable":
    "Não conseguimos verificar o link: o site não respondeu ou não nos deixou ver. Você pode tentar de novo mais tarde.",
  "links.result.removed": "Verificamos o link: a cópia não está mais lá.",
  "links.result.reported": "O link foi salvo e será verificado.",
  "links.error.empty": "Cole o endereço da cópia.",
  "links.error.not_a_url":
    "Isso não parece um endereço da web. Copie da barra de endereço do navegador.",
  "links.error.scheme":
    "Só endereços da web (os que começam com http:// ou https://) podem ser verificados.",
  "links.error.address":
    "Esse endereço leva a uma rede privada, não a um site público, por isso não pode ser verificado.",
  "links.error.too_long": "Esse endereço é longo demais para ser verificado.",
  "links.error.userinfo": "Endereços com nome de usuário ou senha não podem ser verificados.",
  "links.error.refused": "Este link não pode ser verificado.",
  "links.error.rate_limited":
    "Você denunciou muitos links na última hora. Espere {minutes} minutos e tente de novo.",
  "links.error.conflict": "Este caso foi cancelado, por isso não é possível denunciar nem verificar links.",
  "links.error.fetch_failed":
    "Não conseguimos acessar esse site. Confira o endereço ou tente de novo mais tarde.",
  "links.serviceSaid": "O serviço respondeu: {message}",

  "notices.title": "Pedidos de remoção",
  "notices.lead":
    "Um pedido de remoção pede ao site que tem uma cópia que a remova, na forma exigida pela lei. Quando o site o recebe, tem um prazo para agir; depois do prazo, verificamos o link de novo.",
  "notices.unavailable": "Os pedidos de remoção ainda não estão disponíveis neste servidor.",
  "notices.none":
    "Nenhum pedido ainda. Quando um link for verificado e tiver uma cópia, você pode preparar um.",
  "notices.heading": "Pedido para {host}",
  "notices.overdueBy": "Atrasado há {time}",
  "notices.left": "{time} restantes para o site agir",
  "notices.noDeadline": "Ainda não enviado, por isso ainda não há prazo",
  "notices.closed": "Encerrado em {date}",
  "notices.state.draft":
    "Pronto, não enviado. Baixe-o para enviar você mesmo, ou peça que nós o enviemos por você.",
  "notices.state.sent": "Enviado. O site deve agir antes do fim do prazo.",
  "notices.state.authorised": "Você pediu que nós o enviássemos: vamos enviá-lo em breve.",
  "notices.state.acknowledged": "O site confirmou que recebeu o pedido.",
  "notices.state.removed": "Pronto: a cópia foi removida.",
  "notices.state.overdue":
    "Atrasado: a cópia ainda estava lá depois do prazo. Um novo pedido de acompanhamento está pronto.",
  "notices.state.due": "O prazo acabou. Vamos verificar o link de novo em breve.",
  "notices.state.withdrawn": "Cancelado. Nada mais será enviado.",
  "notices.state.other": "O pedido mudou.",
  "notices.law": "Lei",
  "notices.url": "Endereço",
  "notices.how": "Como é enviado",
  "notices.how.download": "Você mesmo envia",
  "notices.how.email": "Por e-mail para {recipient}",
  "notices.how.emailNoRecipient": "Por e-mail",
  "notices.how.forYou": "(nós enviamos por você)",
  "notices.sent": "Enviado",
  "notices.deadline": "Prazo",
  "notices.followUp": "Este pedido reforça um pedido anterior que não foi atendido a tempo.",
  "notices.actions": "O que fazer com o pedido para {host}",
  "notices.format": "Tipo de arquivo",
  "notices.format.pdf": "PDF",
  "notices.format.html": "Página da web (HTML)",
  "notices.format.text": "Texto simples",
  "notices.download": "Baixar o pedido",
  "notices.downloading": "Preparando o arquivo…",
  "notices.downloadHint":
    "Se você mesmo for enviar, leia tudo antes e acrescente seu nome, seus dados de contato e sua assinatura onde for pedido.",
  "notices.downloaded": "O pedido foi salvo neste aparelho como {name}.",
  "notices.authorise": "Pedir que enviem por mim",
  "notices.withdraw": "Cancelar este pedido",
  "notices.withdrawConfirm":
    "Cancelar este pedido? Não vamos enviá-lo nem acompanhá-lo mais. Um pedido que já foi enviado não pode ser desfeito.",
  "notices.withdrawYes": "Sim, cancelar o pedido",
  "notices.withdrawNo": "Não, manter",
  "notices.withdrawing": "Cancelando…",
  "notices.withdrawn": "O pedido foi cancelado.",
  "notices.drafted": "O pedido está pronto: você o encontra em Pedidos de remoção.",
  "notices.error.gone":
    "Este pedido não existe mais. Escolha Verificar de novo para ver seus pedidos como estão agora.",
  "regime.us_take_it_down": "Estados Unidos: lei TAKE IT DOWN (TAKE IT DOWN Act)",
  "regime.eu_dsa_16": "União Europeia: Regulamento dos Serviços Digitais (DSA), artigo 16",
  "regime.uk_osa": "Reino Unido: lei de segurança online (Online Safety Act)",
  "regime.other": "Outra lei",
  "regime.hint":
    "Escolha onde o site está sediado, se souber. Se não tiver certeza, as pessoas que mantêm este serviço podem ajudar.",

  "authorise.title": "Pedir que enviemos este pedido por você",
  "authorise.lead":
    "As pessoas que mantêm este serviço vão enviar o pedido ao site e acompanhar o prazo. Para o pedido valer, a lei exige o nome da pessoa na imagem, ou de alguém autorizado a agir por ela (o pai ou a mãe, por exemplo), uma forma de contato e uma assinatura.",
  "authorise.privacy":
    "Seus dados são usados só neste pedido: vão para o site que tem a cópia, para que ele possa agir. Nunca são mostrados aos outros sites e aplicativos que trabalham com o Unshared, e nunca são usados para mais nada.",
  "authorise.name": "Nome completo",
  "authorise.nameHint":
    "O seu, se a imagem for sua; se você age pela pessoa na imagem, o seu, como pai, mãe, responsável ou representante.",
  "authorise.email": "Endereço de e-mail",
  "authorise.signature": "Assinatura",
  "authorise.signatureHint": "Digite seu nome completo: esta é a sua assinatura eletrônica.",
  "authorise.phone": "Telefone (opcional)",
  "authorise.address": "Endereço postal (opcional)",
  "authorise.goodFaith":
    "Declaro de boa-fé que esta imagem foi compartilhada sem o consentimento da pessoa que aparece nela.",
  "authorise.missing.name": "Digite seu nome completo.",
  "authorise.missing.email": "Digite um e-mail onde você possa ser encontrado.",
  "authorise.missing.signature": "Digite seu nome completo como assinatura.",
  "authorise.missing.goodFaith": "O pedido só pode ser enviado com esta declaração.",
  "authorise.badEmail": "Isso não parece um endereço de e-mail.",
  "authorise.submit": "Enviar o pedido por mim",
  "authorise.sending": "Enviando…",
  "authorise.cancel": "Cancelar",
  "authorise.done": "Obrigado. Vamos enviar o pedido e acompanhar o prazo.",

  "withdraw.title": "Cancelar seu caso?",
  "withdraw.body":
    "Se você cancelar, suas impressões digitais deixam de funcionar na hora, em todos os lugares que as usam. Os sites não vão mais bloquear nem encontrar estas fotos por causa deste caso.",
  "withdraw.undo":
    "Isso não pode ser desfeito, mas você pode abrir um novo caso com as mesmas fotos a qualquer momento.",
  "withdraw.confirm": "Sim, cancelar meu caso",
  "withdraw.cancel": "Não, manter meu caso",
  "withdraw.working": "Cancelando seu caso…",
  "withdraw.done": "Pronto: seu caso foi cancelado.",

  "error.unauthorized":
    "Não encontramos um caso com esse número e esse PIN. Confira os dois e tente de novo.",
  "error.rate_limited":
    "Tentativas demais. Para sua segurança, espere {minutes} minutos e tente de novo.",
  "error.conflict":
    "Este caso foi cancelado, por isso não é possível adicionar fotos. Você pode abrir um novo caso.",
  "error.too_large": "São fotos demais de uma vez. Tente com menos.",
  "error.invalid_input": "Algo no pedido não estava certo. Tente de novo, ou escolha as fotos outra vez.",
  "error.unavailable": "O serviço está iniciando. Tente de novo em um minuto.",
  "error.network":
    "Não conseguimos acessar o serviço. Confira sua conexão com a internet e tente de novo. Suas fotos continuam só aqui.",
  "error.server": "Algo deu errado do nosso lado. Tente de novo em alguns minutos.",

  "footer.privacy":
    "O Unshared nunca recebe suas fotos. Esta página não carrega nada de outros sites e não cria nenhuma conta.",
  "footer.source": "O Unshared é de código aberto.",

  // Protecting ordinary photos.
  "protect.offerTitle": "Tem medo de que alguém faça montagens com suas fotos comuns?",
  "protect.offer":
    "Há aplicativos que transformam uma foto comum, de redes sociais por exemplo, em um falso nu. Aqui você pode proteger fotos comuns suas, para que os sites que trabalham conosco encontrem cópias editadas feitas a partir delas.",
  "protect.go": "Proteger minhas fotos comuns",
  "protect.title": "Proteja fotos comuns suas",
  "protect.add.title": "Proteger mais fotos no caso {case}",
  "protect.lead":
    "Escolha fotos comuns suas que alguém poderia editar para fazer uma montagem, como fotos das suas redes sociais. Esta página cria aqui, no seu aparelho, as impressões digitais delas e um mapa de pequenos detalhes de cada uma (suas características), e só envia isso. Assim, os sites que trabalham conosco podem encontrar uma cópia editada, mesmo que parte da foto tenha sido trocada.",
  "protect.warningTitle": "Aqui só fotos comuns, nunca íntimas",
  "protect.warning":
    "As características dizem mais sobre uma foto do que as impressões digitais: a partir delas, alguém poderia reconstruir um contorno aproximado da imagem. Não a foto em si, mas talvez o bastante para adivinhar o que há nela. Por isso, escolha só fotos que você não se importaria que qualquer pessoa visse.",
  "protect.warningIntimate":
    "Se você quer que uma imagem íntima seja removida, volte e use a primeira página: ela só envia impressões digitais.",
  "protect.techTitle": "O que são as características, tecnicamente",
  "protect.techBody":
    "Para cada foto, esta página calcula os mesmos três hashes de sempre (PDQ, MD5, SHA-256) e até 500 pontos-chave ORB: onde está cada pequeno detalhe e 256 comparações de claro ou escuro ao redor dele. Eles são calculados com o OpenCV no seu navegador, a mesma versão que o servidor usa, baixada só quando você protege fotos. Ficam guardados só no nosso servidor, nunca são compartilhados com os sites e são apagados se você cancelar seu caso.",
  "protect.hint":
    "Escolha fotos comuns suas. Elas não são enviadas: esta página as analisa aqui, no seu aparelho.",
  "protect.loading": "Preparando a proteção de fotos: um download único de cerca de 4 MB…",
  "protect.ready": "Tudo pronto para proteger fotos.",
  "protect.unavailable":
    "Proteger fotos não está disponível aqui, neste navegador ou neste servidor. Você ainda pode pedir a remoção de imagens íntimas.",
  "protect.back": "Voltar ao início",
  "protect.sendNote":
    "Quando você continuar, só as impressões digitais e as características destas fotos serão enviadas. As fotos ficam neste aparelho.",
  "protect.previewNote":
    "Isto é tudo o que sai do seu aparelho. As características são longas sequências de letras e números, encurtadas aqui: o comprimento delas aparece no final. Nenhuma foto, nenhum nome de arquivo, nenhuma data, nenhum lugar.",
  "protect.send.new": "Proteger estas fotos e abrir meu caso",
  "protect.send.add": "Proteger estas fotos também",
  "protect.send.sending": "Enviando…",
  "protect.send.nothingReady":
    "Primeiro escolha pelo menos uma foto comum e espere até ela estar pronta para proteger.",
  "protect.progress.working": {
    one: "Preparando as fotos: {done} de {n} foto pronta.",
    other: "Preparando as fotos: {done} de {n} fotos prontas.",
  },
  "protect.progress.done": {
    one: "{n} foto está pronta para proteger. Nada foi enviado ainda.",
    other: "{n} fotos estão prontas para proteger. Nada foi enviado ainda.",
  },
  "protect.status.active":
    "Ativo: sites e aplicativos que trabalham conosco estão procurando cópias editadas destas fotos.",
  "protect.status.added": {
    one: "Mais {n} foto está protegida.",
    other: "Mais {n} fotos estão protegidas.",
  },
  "protect.hashesNote":
    "Cada foto gera três impressões digitais. As características também ficam guardadas, só no nosso servidor, e são apagadas se você cancelar seu caso.",
  "protect.withdraw": "As características das suas fotos também são apagadas do nosso servidor.",
  "photo.features": "Procurando os detalhes para proteger…",
  "photo.protect.ready": "Pronta para proteger",
  "photo.protect.plain": "Esta imagem é uniforme demais para ser protegida: ela não será enviada.",
  "photo.protect.tiny": "Esta imagem é pequena demais para ser protegida: ela não será enviada.",
  "photo.protect.few": "Esta imagem tem poucos detalhes para ser protegida: ela não será enviada.",
  "photo.protect.unreadable":
    "Este navegador não consegue abrir este tipo de imagem, por isso ela não pode ser protegida. Tente um JPEG ou uma captura de tela dela.",
  "photo.error.unavailable": "Proteger fotos não está disponível aqui.",
};
