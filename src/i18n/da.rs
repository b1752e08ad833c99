//! The Danish texts of the UI: exactly the keys of `en.rs` (a unit test checks it), with the
//! same `{name}` placeholders. Docker terms stay as Danish developers say them (image, container,
//! build, cache; "lag" for layer).

pub const TABLE: &[(&str, &str)] = &[
    // Sprogvalg
    ("lang.label", "Sprog"),
    // Topbjælke
    ("header.tagline", "Dockerfile-legeplads"),
    ("header.note", "Simuleret Docker — kører helt i din browser"),
    (
        "header.note_title",
        "Intet forlader din browser: builds og containere simuleres.",
    ),
    ("header.saving", "Gemmer…"),
    ("header.saving_title", "Ændringer gemmes i denne browser"),
    ("header.saved", "Gemt"),
    (
        "header.saved_title",
        "Gemt i denne browser: genindlæs siden, og alt er her stadig",
    ),
    ("header.not_saved", "Ikke gemt"),
    ("header.not_kept", "Gemmes ikke"),
    ("header.share", "Del"),
    ("header.share_title", "Del et link til dette projekt"),
    ("header.theme_aria", "Tema: {theme} (Alt+T for at skifte)"),
    ("header.theme_title", "Tema: {theme}"),
    ("header.shortcuts", "Tastaturgenveje (?)"),
    // Temaer
    ("theme.system", "System"),
    ("theme.light", "Lyst"),
    ("theme.dark", "Mørkt"),
    ("theme.contrast", "Høj kontrast"),
    // Arbejdsområdets visninger
    ("view.instructions", "Instruktioner"),
    ("view.insights", "Indsigt"),
    ("view.build", "Build"),
    ("view.image", "Image"),
    ("view.containers", "Containere"),
    ("view.terminal", "Terminal"),
    // Workspace
    ("workspace.label", "Arbejdsområde"),
    ("workspace.views", "Visninger"),
    // Help overlay and shortcuts
    ("common.close", "Luk"),
    ("common.cancel", "Annuller"),
    ("help.title", "Tastaturgenveje"),
    (
        "help.note",
        "Alle knapper og felter kan nås med Tab; piletasterne skifter mellem fanerne.",
    ),
    ("shortcut.help", "Vis eller skjul denne hjælp"),
    (
        "shortcut.views",
        "Åbn Instruktioner, Indsigt, Build, Image eller Containere",
    ),
    (
        "shortcut.theme",
        "Skift tema (system, lyst, mørkt, høj kontrast)",
    ),
    ("shortcut.step", "Tidsrejse: forrige / næste build-trin"),
    ("shortcut.find", "Søg i editoren"),
    (
        "shortcut.complete",
        "Fuldfør en instruktion eller et flag i editoren",
    ),
    ("shortcut.undo", "Fortryd / gentag i editoren"),
    ("shortcut.close", "Luk dialoger og pop op-vinduer"),
    //
    // Reset dialog
    ("reset.the_example", "eksemplet"),
    ("reset.title", "Nulstil projektet?"),
    ("reset.lead_before", "Gå tilbage til "),
    (
        "reset.lead_after",
        ": dets filer, ingen images og ingen containere. Dit nuværende projekt lægges til side — en besked lader dig hente det tilbage.",
    ),
    ("reset.confirm", "Nulstil projekt"),
    // Examples dialog
    ("examples.title", "Åbn et eksempel"),
    (
        "examples.lead",
        "Hvert eksempel er et lille projekt med sin Dockerfile, kode og data.",
    ),
    (
        "examples.kept_aside",
        " Dit nuværende projekt lægges til side, så du kan hente det tilbage.",
    ),
    ("examples.current", "aktuelt"),
    // Lifecycle strip
    ("lifecycle.label", "Dockers livscyklus"),
    ("lifecycle.errors_one", "{n} fejl"),
    ("lifecycle.errors", "{n} fejl"),
    ("lifecycle.instructions_one", "{n} instruktion"),
    ("lifecycle.instructions", "{n} instruktioner"),
    ("lifecycle.not_built", "ikke bygget endnu"),
    ("lifecycle.images_one", "{n} image"),
    ("lifecycle.images", "{n} images"),
    ("lifecycle.images_detail", "{count} · seneste {size}"),
    ("lifecycle.images_title", "Images"),
    // Container counts (lifecycle strip)
    ("counts.running", "kører"),
    ("counts.exited", "stoppet"),
    ("counts.created", "oprettet"),
    ("counts.none", "ingen"),
    // Notices
    ("notices.label", "Beskeder"),
    (
        "notices.restore_backup",
        "Hent mit tidligere projekt tilbage",
    ),
    ("notices.dismiss_aria", "Luk besked"),
    ("notices.dismiss", "Luk"),
    //
    // Build console
    ("build.output", "Build-output"),
    // Terminal
    ("terminal.output", "Terminal-output"),
    ("terminal.input", "Terminal-input"),
    // Containers view
    ("containers.empty_title", "Ingen containere endnu"),
    ("containers.empty_before", "Start en med "),
    (
        "containers.empty_after",
        " i terminalen: hver container viser sin tilstand, log, filændringer, mounts og den proces, den kører.",
    ),
    ("containers.calc_title", "Prøv procesberegneren"),
    (
        "containers.calc_intro",
        "Vælg et image og skriv argumenter til docker run for at se, hvilken proces en container ville køre, hvilket program der er PID 1, og om signalet fra docker stop når frem til det.",
    ),
    // Instruction list
    ("instructions.empty_title", "Ingen instruktioner endnu"),
    (
        "instructions.empty_text",
        "Start med et base image, for eksempel ",
    ),
    ("instructions.show_line", "Vis linje {lines} i editoren"),
    (
        "instructions.show_all",
        "Vis alle {n} instruktioner ({more} flere)",
    ),
    ("instructions.stages_one", "{n} stage"),
    ("instructions.stages", "{n} stages"),
    // Share dialog
    ("share.title", "Del dette projekt"),
    ("share.files_one", "{n} fil"),
    ("share.files", "{n} filer"),
    (
        "share.lead_before",
        "Alle, der åbner dette link, får projektets {files} — med ",
    ),
    (
        "share.lead_after",
        " åben og de samme build-indstillinger. Intet uploades: projektet rejser med inde i linket.",
    ),
    ("share.link", "Delingslink"),
    ("share.copied", "Kopieret"),
    ("share.copy", "Kopiér link"),
    ("share.length", "Linkets længde: {size}"),
    (
        "share.no_images",
        "Images og containere er ikke med i linket: den, der åbner det, bygger igen.",
    ),
    (
        "share.data_files_one",
        "{n} simuleret datafil følger kun med som størrelse.",
    ),
    (
        "share.data_files",
        "{n} simulerede datafiler følger kun med som størrelse.",
    ),
    (
        "share.by_size",
        "Store binære filer deles kun som størrelse (deres bytes bliver her): {files}.",
    ),
    (
        "share.long",
        "Linket er langt: nogle chatværktøjer afkorter lange links. Det er sikrere at downloade store projekter som .zip.",
    ),
    // Project pane
    ("project.title", "Projekt"),
    ("project.files", "Projektfiler"),
    (
        "project.example_title",
        "Eksemplet, som projektet startede fra",
    ),
    ("project.modified_title", "Ændret, siden det blev åbnet"),
    ("project.modified", "ændret"),
    ("project.actions", "Projekthandlinger"),
    ("project.upload_files", "Upload filer"),
    ("project.upload_folder", "Upload en mappe"),
    ("project.download", "Download som .zip"),
    ("project.download_title", "Download projektet som .zip"),
    ("project.examples", "Eksempler"),
    ("project.reset_title", "Nulstil til eksemplet"),
    ("project.empty", "Ingen filer endnu."),
    (
        "project.empty_hint",
        "Slip filer eller en mappe her, eller brug upload-knapperne ovenfor.",
    ),
    ("project.drop", "Slip for at føje til projektet"),
    ("project.download_refused", "Browseren afviste downloadet."),
    (
        "project.downloaded",
        "Downloadede {name}. {notes} (Drydock kender kun deres størrelse).",
    ),
    (
        "project.notes_one",
        "{n} simuleret datafil blev til en kort note",
    ),
    (
        "project.notes",
        "{n} simulerede datafiler blev til korte noter",
    ),
    ("project.download_failed", "Kan ikke downloade: {error}."),
    ("project.reincluded", "Tages med i buildet igen af “{line}”"),
    ("project.kept", "medtaget"),
    ("project.binary", "Binær fil (kan ikke redigeres her)"),
    (
        "project.data",
        "Simuleret datafil: Drydock kender dens størrelse, ikke dens bytes",
    ),
    ("project.symlink", "Link til {target}"),
    ("project.open_file", "{path} — åbn i editoren"),
    ("project.dir", "{path}/ — {entries}"),
    ("project.entries_one", "{n} element"),
    ("project.entries", "{n} elementer"),
    (
        "project.excluded_by",
        "\nUdeladt fra build-konteksten af {file}",
    ),
    ("project.excluded_line", " (linjen “{line}”)"),
    ("project.ignored", "{n} ignoreret af {file}"),
    // Persistence notices
    (
        "persist.off",
        "Denne browser gemmer intet for denne side (lageret er blokeret), så ændringer går tabt ved genindlæsning: download projektet eller del et link for at beholde det.",
    ),
    (
        "persist.full",
        "Ikke gemt: browserens lager for denne side er fuldt. Slet store filer, eller download projektet.",
    ),
    ("persist.failed", "Ikke gemt ({why})."),
    (
        "persist.kept_aside",
        "Dit tidligere projekt blev lagt til side.",
    ),
    (
        "persist.backup_gone",
        "Projektet, der blev lagt til side, findes ikke længere.",
    ),
    (
        "persist.backup_back",
        "Dit tidligere projekt er tilbage (det, det erstattede, blev lagt til side).",
    ),
    (
        "persist.shared_kept",
        "Du åbnede et delt projekt. Dit eget projekt blev lagt til side.",
    ),
    (
        "persist.shared",
        "Du åbnede et delt projekt: byg det for at skabe dets images.",
    ),
    (
        "persist.restored",
        "Velkommen tilbage: dit projekt blev gendannet.",
    ),
    ("persist.reset_to", "Nulstillede til"),
    ("persist.opened_example", "Åbnede eksemplet"),
    //
    //
    // Editor
    ("editor.contents", "Indholdet af {file}"),
    (
        "editor.hint",
        "Ret løs — Drydock læser den igen, mens du skriver",
    ),
    ("editor.label", "Dockerfile-editor"),
    // Build options
    ("build.arg_name", "Navn på build-argument {n}"),
    ("build.arg_value_placeholder", "værdi"),
    ("build.arg_value", "Værdi af build-argument {n}"),
    ("build.arg_remove", "Fjern build-argument {n}"),
    ("build.remove", "Fjern"),
    ("build.options", "Build-indstillinger"),
    ("build.command", "Tilsvarende kommando"),
    ("build.run", "Byg"),
    ("build.tag", "Tag"),
    ("build.target", "Mål"),
    ("build.last_stage", "(sidste stage)"),
    ("build.args", "Build-argumenter"),
    ("build.add_arg", "+ Tilføj argument"),
    ("build.cache", "Cache"),
    ("build.no_cache", "Ignorér cachen"),
    // Build view
    ("build.empty_title", "Intet build endnu"),
    (
        "build.empty_text",
        "Byg imaget for at se hvert trin på en tidslinje: hvilke trin der kørte, hvilke der kom fra cachen og hvorfor — og rejs så tilbage gennem det trin for trin.",
    ),
    ("build.steps_one", "{n} trin"),
    ("build.steps", "{n} trin"),
    (
        "build.summary",
        "{steps} · {ran} kørt · {cached} fra cachen",
    ),
    ("build.failed", "Buildet fejlede"),
    ("build.succeeded", "Buildet lykkedes"),
    ("build.step_details", "Trindetaljer"),
    ("build.files_tab", "Filer ved dette trin"),
    ("build.console_tab", "Konsol-output"),
    // Time travel
    ("tt.label", "Tidsrejse"),
    ("tt.first", "Første trin"),
    ("tt.previous", "Forrige trin"),
    ("tt.next", "Næste trin"),
    ("tt.last", "Sidste trin"),
    ("tt.play", "Afspil"),
    ("tt.pause", "Pause"),
    ("tt.speed", "Afspilningshastighed"),
    ("tt.step", "Build-trin"),
    ("tt.valuetext", "Trin {at} af {n}: {text}"),
    ("tt.position", "Trin {at} / {n}"),
    // Files at a build step
    ("steptree.items_one", "{n} element"),
    ("steptree.items", "{n} elementer"),
    (
        "steptree.summary",
        "{added} tilføjet · {modified} ændret · {deleted} slettet",
    ),
    ("steptree.label", "Filer efter trin {n}"),
    ("steptree.more_one", "… og {n} element mere"),
    ("steptree.more", "… og {n} elementer mere"),
    ("steptree.added", "tilføjet"),
    ("steptree.modified", "ændret"),
    ("steptree.deleted", "slettet"),
    //
    // Build timeline
    ("timeline.label", "Build-trin"),
    ("timeline.ran", "kørt"),
    ("timeline.config", "config"),
    ("timeline.error", "fejl"),
    ("timeline.stopped", "buildet stoppede her"),
    ("timeline.no_cache", "--no-cache: cachen blev ikke brugt"),
    ("timeline.first_build", "første build af dette trin"),
    ("timeline.parent_rebuilt", "forrige trin bygget igen"),
    ("timeline.base_changed", "base image ændret"),
    ("timeline.instruction_changed", "instruktion ændret"),
    ("timeline.arg_changed", "build-argumentet `{name}` ændret"),
    ("timeline.env_changed", "variablen `{name}` ændret"),
    ("timeline.setting_changed", "{setting} ændret"),
    ("timeline.added", "tilføjet"),
    ("timeline.removed", "fjernet"),
    ("timeline.changed", "ændret"),
    ("timeline.files_changed", "filer ændret"),
    ("timeline.one_file", "`{path}` {verb}"),
    ("timeline.two_files", "`{a}` og `{b}` {verb}"),
    ("timeline.more_files_one", "`{path}` {verb} og {n} fil mere"),
    ("timeline.more_files", "`{path}` {verb} og {n} filer mere"),
    //
    //
    // Container detail
    ("container.logs", "Log"),
    ("container.changes", "Ændringer"),
    ("container.mounts", "Mounts"),
    ("container.process", "Proces"),
    ("container.env", "Miljø"),
    ("container.no_output", "Intet output endnu."),
    (
        "container.no_changes",
        "Ingen filændringer: containerens skrivbare lag er tomt (docker diff udskriver intet).",
    ),
    (
        "container.diff_caption",
        "docker diff: filer tilføjet (A), ændret (C) og slettet (D)",
    ),
    ("container.change", "Ændring"),
    ("container.path", "Sti"),
    ("container.size", "Størrelse"),
    ("container.added", "tilføjet"),
    ("container.changed", "ændret"),
    ("container.deleted", "slettet"),
    (
        "container.no_mounts_before",
        "Ingen mounts: alt, hvad containeren skriver, bliver i dens skrivbare lag (væk med docker rm). Tilføj ",
    ),
    ("container.no_mounts_after", " for at beholde data."),
    ("container.type", "Type"),
    ("container.source", "Kilde"),
    ("container.destination", "Destination"),
    ("container.mode", "Tilstand"),
    ("container.read_only", "skrivebeskyttet"),
    ("container.read_write", "læse/skrive"),
    (
        "container.image_gone",
        "Dens image er væk, så kun den proces, den kørte, kendes:",
    ),
    ("container.environment", "Miljø"),
    ("container.exit_code", "Exit-kode"),
    ("container.state", "Tilstand"),
    ("container.command", "Kommando"),
    ("container.ports", "Porte"),
    ("container.created", "Oprettet"),
    ("container.details", "Containerdetaljer"),
    // Process calculator
    ("calc.label", "Procesberegner"),
    ("calc.stored_as", "gemt som {words}"),
    ("calc.not_set", "ikke sat"),
    (
        "calc.nothing_to_run",
        "Der er hverken et entrypoint eller en kommando tilbage at køre.",
    ),
    ("calc.reaches", "{signal} når frem til programmet"),
    ("calc.stops_at_shell", "{signal} stopper ved shellen"),
    ("calc.argv", "Procesargumenter"),
    ("calc.runs_child", "kører {program} som underproces"),
    (
        "calc.runs_command_child",
        "kører kommandoen som underproces",
    ),
    ("calc.stop_signal", "Stopsignal"),
    ("calc.default", " (standard)"),
    ("calc.image_gone", "Imaget er væk."),
    (
        "calc.ep_replaces",
        "--entrypoint {entrypoint} erstatter imagets ENTRYPOINT.",
    ),
    (
        "calc.ep_reset",
        "--entrypoint \"\" fjerner imagets ENTRYPOINT.",
    ),
    ("calc.args", "Argumenter til docker run"),
    ("calc.args_after", " (efter {image})"),
    (
        "calc.args_placeholder",
        "fx --epochs 1 eller sh -c 'echo hi'",
    ),
    ("calc.ep_override", "Erstat entrypoint"),
    ("calc.ep_placeholder", "tomt = nulstil"),
    ("calc.split_error", "Kan ikke dele argumenterne op: {error}"),
    ("calc.runs_in", "Kører i {dir} som {user}."),
    // Insights
    ("insights.errors", "Fejl"),
    ("insights.warnings", "Advarsler"),
    ("insights.tips", "Tips"),
    ("insights.empty_title", "Intet at tjekke endnu"),
    (
        "insights.empty_text",
        "Skriv en Dockerfile, så dukker fundene — BuildKits build-tjek og Drydocks tips — op her, mens du skriver.",
    ),
    ("insights.none_title", "Ingen fund"),
    (
        "insights.none_text",
        "{path} består BuildKits build-tjek og Drydocks regler for begyndere.",
    ),
    ("insights.count_error_one", "{n} fejl"),
    ("insights.count_errors", "{n} fejl"),
    ("insights.count_warning_one", "{n} advarsel"),
    ("insights.count_warnings", "{n} advarsler"),
    ("insights.count_tip_one", "{n} tip"),
    ("insights.count_tips", "{n} tips"),
    ("insights.buildkit_check", "BuildKit-tjek"),
    ("insights.drydock_tip", "Drydock-tip"),
    ("insights.show_me_aria", "Vis mig: {code}"),
    ("insights.show_me", "Vis mig"),
    (
        "insights.line_aria",
        "Linje {line}: {code} — vis i editoren",
    ),
    ("insights.line", "Linje {line}"),
    ("insights.fix", "Løsning"),
    ("insights.docs", "Dokumentation"),
    ("insights.docs_for", " om {code}"),
    // Variable scope
    ("scope.title", "Variablernes rækkevidde"),
    (
        "scope.intro",
        "Hvor hver ARG og ENV sættes og er synlig, stage for stage (med build-formularens --build-arg og --target). Klik på en celle for at se dens linje.",
    ),
    ("scope.legend", "Signaturforklaring"),
    ("scope.legend_set", "sat her"),
    ("scope.legend_visible", "synlig"),
    ("scope.legend_shadowed", "skygget (ENV over ARG)"),
    ("scope.legend_hidden", "skjult (ikke synlig her)"),
    ("scope.set", "sat"),
    ("scope.env_wins", "ENV vinder"),
    ("scope.hidden", "skjult"),
    (
        "scope.cell_label",
        " — {name} på linje {line} ({state}). {note}",
    ),
    ("scope.table", "Tabel over variablernes rækkevidde"),
    (
        "scope.caption",
        "Hvor hver ARG- og ENV-variabel er sat, synlig, skygget eller usynlig, pr. stage og instruktion, og hvad en container ser",
    ),
    ("scope.variable", "Variabel"),
    ("scope.target", " · mål"),
    ("scope.skipped", " · sprunget over"),
    ("scope.container_sees", "Containeren ser"),
    // Image size insight
    ("size.title", "Imagestørrelse"),
    ("size.analyse", "Analysér imagestørrelse"),
    ("size.analyse_again", "Analysér igen"),
    ("size.stale", "Projektet er ændret siden denne analyse."),
    (
        "size.intro",
        "Bygger projektet på en kladdekopi (dine images forbliver, som de er), finder bytes, som et senere lag sletter eller overskriver, og afprøver omskrivninger, der sparer dem.",
    ),
    ("size.verified", "Bekræftet ved at bygge det: sparer {size}"),
    ("size.no_saving", "Bygget: ingen besparelse ({size} større)"),
    (
        "size.rewrite_fails",
        "Omskrivningen kan ikke bygges: {error}",
    ),
    ("size.diff", "Diff: {title}"),
    ("size.predicted", "Forventet besparelse: {size}"),
    ("size.apply", "Anvend i editoren"),
    (
        "size.build_fails",
        "Buildet fejler, så der er intet image at analysere: {error}",
    ),
    (
        "size.summary",
        "Effektivitet {pct} % · image {image} · spildt {wasted}",
    ),
    (
        "size.no_waste",
        "Intet lag sletter eller overskriver, hvad et tidligere lag i denne Dockerfile tilføjede.",
    ),
    ("size.wasted_bytes", "Spildte bytes"),
    ("size.wasted", "Spildt"),
    ("size.added_by", "Tilføjet af"),
    ("size.removed_by", "Fjernet af"),
    ("size.files_how", " ({files}, {how})"),
    ("size.try_rewrite", "Prøv denne omskrivning"),
    // Cache forecast
    ("forecast.title", "Cache-prognose"),
    (
        "forecast.working",
        "Regner ud, hvad næste build kan genbruge…",
    ),
    ("forecast.input_diff", "Forskelle i input"),
    ("forecast.input", "Input"),
    ("forecast.before", "Før"),
    ("forecast.now", "Nu"),
    ("forecast.rebuild", "bygges igen"),
    ("forecast.cached", "fra cachen"),
    ("forecast.line_aria", "Linje {line}: vis i editoren"),
    // Saved projects
    (
        "save.damaged",
        "Dit gemte projekt kunne ikke læses (det ser ud til at være beskadiget), så Drydock startede fra eksemplet. Det beskadigede projekt er lagt til side, ikke slettet.",
    ),
    (
        "save.newer",
        "Dit gemte projekt blev skrevet af en nyere Drydock (gemmeformat {v}; denne læser format {ours}), så Drydock startede fra eksemplet. Det gemte projekt er lagt til side.",
    ),
    (
        "save.older",
        "Dit gemte projekt bruger et gammelt gemmeformat ({v}), som denne Drydock ikke længere kan læse, så den startede fra eksemplet. Det gamle projekt er lagt til side.",
    ),
    (
        "save.session_lost",
        "Dine filer blev gendannet, men de gemte images og containere kunne ikke læses: byg igen for at genskabe dem.",
    ),
    // Share links
    (
        "sharelink.damaged",
        "Dette delingslink er ufuldstændigt eller beskadiget (blev det afkortet, da det blev kopieret?).",
    ),
    (
        "sharelink.newer",
        "Dette delingslink er lavet af en nyere Drydock (format {v}); denne læser format {ours}.",
    ),
    (
        "sharelink.bad_file",
        "Dette delingslink indeholder en fil, som Drydock ikke kan bruge ({error}).",
    ),
    // Uploads
    ("upload.one", "Uploadede 1 fil"),
    ("upload.from_folder", "Uploadede {n} filer fra {folder}/"),
    ("upload.many", "Uploadede {n} filer"),
    (
        "upload.skipped",
        " ({n} udeladt: .git, .drydock og skrivebordsfiler som .DS_Store)",
    ),
    // Example projects (the core's titles and summaries)
    ("example.trainer.title", "Trainer-image (pip)"),
    (
        "example.trainer.summary",
        "MLOps-kursets trainer.dockerfile: et PyTorch-træningsscript, dets requirements og data.",
    ),
    ("example.trainer_uv.title", "Trainer-image (uv)"),
    (
        "example.trainer_uv.summary",
        "Samme projekt installeret med uv fra en lock-fil, med afhængighederne først af hensyn til cachen.",
    ),
    ("example.api.title", "Inference-API (FastAPI)"),
    (
        "example.api.summary",
        "En FastAPI-app serveret af uvicorn: EXPOSE, `docker run -p 8000:8000`, en container, der bliver ved med at køre.",
    ),
    ("example.multistage.title", "Multi-stage build"),
    (
        "example.multistage.summary",
        "Byg wheels i et fuldt image, og kopiér kun det, der skal køre, over i et slankt: sammenlign størrelserne.",
    ),
    ("example.dockerignore.title", ".dockerignore-demo"),
    (
        "example.dockerignore.summary",
        "`COPY . .` med og uden en .dockerignore: hvad der kommer med i imaget, og hvor stort det bliver.",
    ),
    ("example.broken.title", "Ødelagt med vilje"),
    (
        "example.broken.summary",
        "Almindelige fejl i én fil: en tastefejl, en manglende RUN, CMD i shell-form, hemmeligheder i ENV og en rækkefølge, der ødelægger cachen.",
    ),
    //
    //
    //
    // File and folder names (project pane)
    ("names.empty", "Skriv et navn."),
    (
        "names.space",
        "Navne kan ikke starte eller slutte med et mellemrum.",
    ),
    ("names.control", "Navne kan ikke indeholde kontroltegn."),
    (
        "names.backslash",
        "Brug “/” mellem mapper (en “\\” ville blive en del af navnet).",
    ),
    ("names.slash", "Et navn kan ikke indeholde “/”."),
    (
        "names.empty_part",
        "Fjern det tomme mappenavn (“//” eller en “/” i en af enderne).",
    ),
    ("names.dots", "“.” og “..” er ikke navne."),
    ("names.long", "Navne kan højst være 255 bytes."),
    (
        "names.reserved",
        "“.drydock” er forbeholdt Drydocks egen tilstand.",
    ),
    ("names.exists", "“{name}” findes allerede her."),
    (
        "names.large_folder",
        "Store mapper som {name}/ hører som regel til i .dockerignore, så `COPY . .` udelader dem.",
    ),
    (
        "names.dockerignore_spelling",
        "Docker læser kun “.dockerignore” (med punktum foran og små bogstaver) eller “<Dockerfile>.dockerignore”.",
    ),
    (
        "names.dockerignore_for",
        "Bruges i stedet for .dockerignore, når der bygges med -f {dockerfile}.",
    ),
    (
        "names.dockerignore_none",
        "Gælder kun for en Dockerfile ved navn {dockerfile} (der er ingen endnu).",
    ),
    (
        "names.dockerfile_name",
        "Docker leder som standard efter “Dockerfile”: byg denne med -f {path}.",
    ),
    (
        "names.secret",
        "Hemmeligheder ender i imaget med `COPY . .`: skriv {name} i .dockerignore.",
    ),
    (
        "names.spaces",
        "Navne med mellemrum kræver JSON-formen i Dockerfiles: COPY [\"my file\", \"/app/\"].",
    ),
    // Variable scope (empty)
    ("scope.none", "Ingen ARG- eller ENV-variabler endnu."),
    // Build options (placeholders)
    ("build.arg_name_placeholder", "NAVN"),
    ("build.tag_placeholder", "navn:tag"),
];
