//! The English texts of the UI (the reference table: every key lives here first).
//! Keys are dotted by area (`header.share`, `view.build`); `{name}` marks a value `tf` fills in.

pub const TABLE: &[(&str, &str)] = &[
    // Language switch
    ("lang.label", "Language"),
    // Header
    ("header.tagline", "Dockerfile playground"),
    (
        "header.note",
        "Simulated Docker — runs entirely in your browser",
    ),
    (
        "header.note_title",
        "Nothing leaves your browser: builds and containers are simulated.",
    ),
    ("header.saving", "Saving…"),
    ("header.saving_title", "Changes are saved in this browser"),
    ("header.saved", "Saved"),
    (
        "header.saved_title",
        "Saved in this browser: a reload brings everything back",
    ),
    ("header.not_saved", "Not saved"),
    ("header.not_kept", "Not kept"),
    ("header.share", "Share"),
    ("header.share_title", "Share a link to this project"),
    ("header.theme_aria", "Theme: {theme} (Alt+T to change)"),
    ("header.theme_title", "Theme: {theme}"),
    ("header.shortcuts", "Keyboard shortcuts (?)"),
    // Themes
    ("theme.system", "System"),
    ("theme.light", "Light"),
    ("theme.dark", "Dark"),
    ("theme.contrast", "High contrast"),
    // Workspace views
    ("view.instructions", "Instructions"),
    ("view.insights", "Insights"),
    ("view.build", "Build"),
    ("view.image", "Image"),
    ("view.containers", "Containers"),
    ("view.terminal", "Terminal"),
    // Workspace
    ("workspace.label", "Workspace"),
    ("workspace.views", "Views"),
    // Help overlay and shortcuts
    ("common.close", "Close"),
    ("common.cancel", "Cancel"),
    ("help.title", "Keyboard shortcuts"),
    (
        "help.note",
        "Every control is reachable with Tab; arrow keys move between tabs.",
    ),
    ("shortcut.help", "Show or hide this help"),
    (
        "shortcut.views",
        "Open Instructions, Insights, Build, Image or Containers",
    ),
    (
        "shortcut.theme",
        "Switch theme (system, light, dark, high contrast)",
    ),
    ("shortcut.step", "Time travel: previous / next build step"),
    ("shortcut.find", "Find in the editor"),
    (
        "shortcut.complete",
        "Complete an instruction or flag in the editor",
    ),
    ("shortcut.undo", "Undo / redo in the editor"),
    ("shortcut.close", "Close dialogs and pop-ups"),
    //
    // Reset dialog
    ("reset.the_example", "the example"),
    ("reset.title", "Reset the project?"),
    ("reset.lead_before", "Go back to "),
    (
        "reset.lead_after",
        ": its files, no images and no containers. Your current project is kept aside — a notice lets you bring it back.",
    ),
    ("reset.confirm", "Reset project"),
    // Examples dialog
    ("examples.title", "Open an example"),
    (
        "examples.lead",
        "Each example is a small project with its Dockerfile, code and data.",
    ),
    (
        "examples.kept_aside",
        " Your current project is kept aside, so you can bring it back.",
    ),
    ("examples.current", "current"),
    // Lifecycle strip
    ("lifecycle.label", "Docker lifecycle"),
    ("lifecycle.errors_one", "{n} error"),
    ("lifecycle.errors", "{n} errors"),
    ("lifecycle.instructions_one", "{n} instruction"),
    ("lifecycle.instructions", "{n} instructions"),
    ("lifecycle.not_built", "not built yet"),
    ("lifecycle.images_one", "{n} image"),
    ("lifecycle.images", "{n} images"),
    ("lifecycle.images_detail", "{count} · latest {size}"),
    ("lifecycle.images_title", "Images"),
    // Container counts (lifecycle strip)
    ("counts.running", "running"),
    ("counts.exited", "exited"),
    ("counts.created", "created"),
    ("counts.none", "none"),
    // Notices
    ("notices.label", "Notices"),
    ("notices.restore_backup", "Bring back my previous project"),
    ("notices.dismiss_aria", "Dismiss notice"),
    ("notices.dismiss", "Dismiss"),
    //
    // Build console
    ("build.output", "Build output"),
    // Terminal
    ("terminal.output", "Terminal output"),
    ("terminal.input", "Terminal input"),
    // Containers view
    ("containers.empty_title", "No containers yet"),
    ("containers.empty_before", "Run one with "),
    (
        "containers.empty_after",
        " in the terminal: each container shows its state, logs, file changes, mounts and the process it runs.",
    ),
    ("containers.calc_title", "Try the process calculator"),
    (
        "containers.calc_intro",
        "Pick an image and type docker run arguments to see the process a container would run, which program is PID 1 and whether docker stop's signal reaches it.",
    ),
    // Instruction list
    ("instructions.empty_title", "No instructions yet"),
    (
        "instructions.empty_text",
        "Start with a base image, for example ",
    ),
    ("instructions.show_line", "Show line {lines} in the editor"),
    (
        "instructions.show_all",
        "Show all {n} instructions ({more} more)",
    ),
    ("instructions.stages_one", "{n} stage"),
    ("instructions.stages", "{n} stages"),
    // Share dialog
    ("share.title", "Share this project"),
    ("share.files_one", "{n} file"),
    ("share.files", "{n} files"),
    (
        "share.lead_before",
        "Anyone who opens this link gets this project's {files} — with ",
    ),
    (
        "share.lead_after",
        " open and the same build options. Nothing is uploaded: the project travels inside the link.",
    ),
    ("share.link", "Share link"),
    ("share.copied", "Copied"),
    ("share.copy", "Copy link"),
    ("share.length", "Link length: {size}"),
    (
        "share.no_images",
        "Images and containers are not in the link: whoever opens it builds again.",
    ),
    (
        "share.data_files_one",
        "{n} simulated data file travels by size only.",
    ),
    (
        "share.data_files",
        "{n} simulated data files travel by size only.",
    ),
    (
        "share.by_size",
        "Large binary files are shared by size only (their bytes stay here): {files}.",
    ),
    (
        "share.long",
        "This link is long: some chat tools cut long links. Downloading the project as a .zip is safer for big projects.",
    ),
    // Project pane
    ("project.title", "Project"),
    ("project.files", "Project files"),
    (
        "project.example_title",
        "The example this project started from",
    ),
    ("project.modified_title", "Changed since it was opened"),
    ("project.modified", "changed"),
    ("project.actions", "Project actions"),
    ("project.upload_files", "Upload files"),
    ("project.upload_folder", "Upload a folder"),
    ("project.download", "Download as .zip"),
    ("project.download_title", "Download the project as a .zip"),
    ("project.examples", "Examples"),
    ("project.reset_title", "Reset to the example"),
    ("project.empty", "No files yet."),
    (
        "project.empty_hint",
        "Drop files or a folder here, or use the upload buttons above.",
    ),
    ("project.drop", "Drop to add to the project"),
    (
        "project.download_refused",
        "The browser refused the download.",
    ),
    (
        "project.downloaded",
        "Downloaded {name}. {notes} (Drydock only knows their size).",
    ),
    (
        "project.notes_one",
        "{n} simulated data file became a short note",
    ),
    (
        "project.notes",
        "{n} simulated data files became short notes",
    ),
    ("project.download_failed", "Cannot download: {error}."),
    ("project.reincluded", "Sent to the build again by “{line}”"),
    ("project.kept", "kept"),
    ("project.binary", "Binary file (not editable here)"),
    (
        "project.data",
        "Simulated data file: Drydock knows its size, not its bytes",
    ),
    ("project.symlink", "Link to {target}"),
    ("project.open_file", "{path} — open in the editor"),
    ("project.dir", "{path}/ — {entries}"),
    ("project.entries_one", "{n} entry"),
    ("project.entries", "{n} entries"),
    (
        "project.excluded_by",
        "\nLeft out of the build context by {file}",
    ),
    ("project.excluded_line", " (line “{line}”)"),
    ("project.ignored", "{n} ignored by {file}"),
    // Persistence notices
    (
        "persist.off",
        "This browser keeps nothing for this page (storage is blocked), so changes are lost on reload: download the project or share a link to keep it.",
    ),
    (
        "persist.full",
        "Not saved: the browser's storage for this page is full. Delete large files or download the project.",
    ),
    ("persist.failed", "Not saved ({why})."),
    (
        "persist.kept_aside",
        "Your previous project was kept aside.",
    ),
    (
        "persist.backup_gone",
        "The project kept aside is no longer there.",
    ),
    (
        "persist.backup_back",
        "Your previous project is back (the one it replaced was kept aside).",
    ),
    (
        "persist.shared_kept",
        "You opened a shared project. Your own project was kept aside.",
    ),
    (
        "persist.shared",
        "You opened a shared project: build it to create its images.",
    ),
    (
        "persist.restored",
        "Welcome back: your project was restored.",
    ),
    ("persist.reset_to", "Reset to"),
    ("persist.opened_example", "Opened the example"),
    //
    //
    // Editor
    ("editor.contents", "Contents of {file}"),
    (
        "editor.hint",
        "Edit freely — Drydock re-reads it as you type",
    ),
    ("editor.label", "Dockerfile editor"),
    // Build options
    ("build.arg_name", "Build argument {n} name"),
    ("build.arg_value_placeholder", "value"),
    ("build.arg_value", "Build argument {n} value"),
    ("build.arg_remove", "Remove build argument {n}"),
    ("build.remove", "Remove"),
    ("build.options", "Build options"),
    ("build.command", "Equivalent command"),
    ("build.run", "Build"),
    ("build.tag", "Tag"),
    ("build.target", "Target"),
    ("build.last_stage", "(last stage)"),
    ("build.args", "Build arguments"),
    ("build.add_arg", "+ Add argument"),
    ("build.cache", "Cache"),
    ("build.no_cache", "Ignore the cache"),
    // Build view
    ("build.empty_title", "No build yet"),
    (
        "build.empty_text",
        "Build the image to see every step as a timeline: which steps ran, which came from the cache and why — then travel back through it step by step.",
    ),
    ("build.steps_one", "{n} step"),
    ("build.steps", "{n} steps"),
    ("build.summary", "{steps} · {ran} ran · {cached} cached"),
    ("build.failed", "Build failed"),
    ("build.succeeded", "Build succeeded"),
    ("build.step_details", "Step details"),
    ("build.files_tab", "Files at this step"),
    ("build.console_tab", "Console output"),
    // Time travel
    ("tt.label", "Time travel"),
    ("tt.first", "First step"),
    ("tt.previous", "Previous step"),
    ("tt.next", "Next step"),
    ("tt.last", "Last step"),
    ("tt.play", "Play"),
    ("tt.pause", "Pause"),
    ("tt.speed", "Playback speed"),
    ("tt.step", "Build step"),
    ("tt.valuetext", "Step {at} of {n}: {text}"),
    ("tt.position", "Step {at} / {n}"),
    // Files at a build step
    ("steptree.items_one", "{n} item"),
    ("steptree.items", "{n} items"),
    (
        "steptree.summary",
        "{added} added · {modified} modified · {deleted} deleted",
    ),
    ("steptree.label", "Files after step {n}"),
    ("steptree.more_one", "… and {n} more entry"),
    ("steptree.more", "… and {n} more entries"),
    ("steptree.added", "added"),
    ("steptree.modified", "modified"),
    ("steptree.deleted", "deleted"),
    //
    // Build timeline
    ("timeline.label", "Build steps"),
    ("timeline.ran", "ran"),
    ("timeline.config", "config"),
    ("timeline.error", "error"),
    ("timeline.stopped", "the build stopped here"),
    ("timeline.no_cache", "--no-cache: cache not used"),
    ("timeline.first_build", "first build of this step"),
    ("timeline.parent_rebuilt", "previous step rebuilt"),
    ("timeline.base_changed", "base image changed"),
    ("timeline.instruction_changed", "instruction changed"),
    ("timeline.arg_changed", "build argument `{name}` changed"),
    ("timeline.env_changed", "variable `{name}` changed"),
    ("timeline.setting_changed", "{setting} changed"),
    ("timeline.added", "added"),
    ("timeline.removed", "removed"),
    ("timeline.changed", "changed"),
    ("timeline.files_changed", "files changed"),
    ("timeline.one_file", "`{path}` {verb}"),
    ("timeline.two_files", "`{a}` and `{b}` {verb}"),
    (
        "timeline.more_files_one",
        "`{path}` {verb} and {n} more file",
    ),
    ("timeline.more_files", "`{path}` {verb} and {n} more files"),
    //
    //
    // Container detail
    ("container.logs", "Logs"),
    ("container.changes", "Changes"),
    ("container.mounts", "Mounts"),
    ("container.process", "Process"),
    ("container.env", "Env"),
    ("container.no_output", "No output yet."),
    (
        "container.no_changes",
        "No file changes: the container's writable layer is empty (docker diff prints nothing).",
    ),
    (
        "container.diff_caption",
        "docker diff: files added (A), changed (C) and deleted (D)",
    ),
    ("container.change", "Change"),
    ("container.path", "Path"),
    ("container.size", "Size"),
    ("container.added", "added"),
    ("container.changed", "changed"),
    ("container.deleted", "deleted"),
    (
        "container.no_mounts_before",
        "No mounts: everything the container writes stays in its writable layer (gone with docker rm). Add ",
    ),
    ("container.no_mounts_after", " to keep data."),
    ("container.type", "Type"),
    ("container.source", "Source"),
    ("container.destination", "Destination"),
    ("container.mode", "Mode"),
    ("container.read_only", "read-only"),
    ("container.read_write", "read-write"),
    (
        "container.image_gone",
        "Its image is gone, so only the process it ran is known:",
    ),
    ("container.environment", "Environment"),
    ("container.exit_code", "Exit code"),
    ("container.state", "State"),
    ("container.command", "Command"),
    ("container.ports", "Ports"),
    ("container.created", "Created"),
    ("container.details", "Container details"),
    // Process calculator
    ("calc.label", "Process calculator"),
    ("calc.stored_as", "stored as {words}"),
    ("calc.not_set", "not set"),
    (
        "calc.nothing_to_run",
        "Neither an entrypoint nor a command is left to run.",
    ),
    ("calc.reaches", "{signal} reaches the program"),
    ("calc.stops_at_shell", "{signal} stops at the shell"),
    ("calc.argv", "Process arguments"),
    ("calc.runs_child", "runs {program} as its child"),
    ("calc.runs_command_child", "runs the command as its child"),
    ("calc.stop_signal", "Stop signal"),
    ("calc.default", " (default)"),
    ("calc.image_gone", "The image is gone."),
    (
        "calc.ep_replaces",
        "--entrypoint {entrypoint} replaces the image's ENTRYPOINT.",
    ),
    (
        "calc.ep_reset",
        "--entrypoint \"\" removes the image's ENTRYPOINT.",
    ),
    ("calc.args", "docker run arguments"),
    ("calc.args_after", " (after {image})"),
    (
        "calc.args_placeholder",
        "e.g. --epochs 1, or sh -c 'echo hi'",
    ),
    ("calc.ep_override", "Entrypoint override"),
    ("calc.ep_placeholder", "empty resets it"),
    ("calc.split_error", "Cannot split the arguments: {error}"),
    ("calc.runs_in", "Runs in {dir} as {user}."),
    // Insights
    ("insights.errors", "Errors"),
    ("insights.warnings", "Warnings"),
    ("insights.tips", "Tips"),
    ("insights.empty_title", "Nothing to check yet"),
    (
        "insights.empty_text",
        "Write a Dockerfile and its findings — BuildKit's build checks and Drydock's tips — appear here as you type.",
    ),
    ("insights.none_title", "No findings"),
    (
        "insights.none_text",
        "{path} passes BuildKit's build checks and Drydock's learner rules.",
    ),
    ("insights.count_error_one", "{n} error"),
    ("insights.count_errors", "{n} errors"),
    ("insights.count_warning_one", "{n} warning"),
    ("insights.count_warnings", "{n} warnings"),
    ("insights.count_tip_one", "{n} tip"),
    ("insights.count_tips", "{n} tips"),
    ("insights.buildkit_check", "BuildKit check"),
    ("insights.drydock_tip", "Drydock tip"),
    ("insights.show_me_aria", "Show me: {code}"),
    ("insights.show_me", "Show me"),
    (
        "insights.line_aria",
        "Line {line}: {code} — show in the editor",
    ),
    ("insights.line", "Line {line}"),
    ("insights.fix", "Fix"),
    ("insights.docs", "Docs"),
    ("insights.docs_for", " for {code}"),
    // Variable scope
    ("scope.title", "Variable scope"),
    (
        "scope.intro",
        "Where each ARG and ENV is set and visible, stage by stage (with the build form's --build-arg and --target). Click a cell to see its line.",
    ),
    ("scope.legend", "Legend"),
    ("scope.legend_set", "set here"),
    ("scope.legend_visible", "visible"),
    ("scope.legend_shadowed", "shadowed (ENV over ARG)"),
    ("scope.legend_hidden", "hidden (not visible here)"),
    ("scope.set", "set"),
    ("scope.env_wins", "ENV wins"),
    ("scope.hidden", "hidden"),
    (
        "scope.cell_label",
        " — {name} at line {line} ({state}). {note}",
    ),
    ("scope.table", "Variable scope table"),
    (
        "scope.caption",
        "Where each ARG and ENV variable is set, visible, shadowed or invisible, per stage and instruction, and what a container sees",
    ),
    ("scope.variable", "Variable"),
    ("scope.target", " · target"),
    ("scope.skipped", " · skipped"),
    ("scope.container_sees", "Container sees"),
    // Image size insight
    ("size.title", "Image size"),
    ("size.analyse", "Analyse image size"),
    ("size.analyse_again", "Analyse again"),
    ("size.stale", "The project changed since this analysis."),
    (
        "size.intro",
        "Builds the project on a scratch copy (your images stay as they are), finds bytes a later layer deletes or overwrites, and tries rewrites that save them.",
    ),
    ("size.verified", "Verified by building it: saves {size}"),
    ("size.no_saving", "Built it: no saving ({size} bigger)"),
    ("size.rewrite_fails", "The rewrite does not build: {error}"),
    ("size.diff", "Diff: {title}"),
    ("size.predicted", "Predicted saving: {size}"),
    ("size.apply", "Apply to the editor"),
    (
        "size.build_fails",
        "The build fails, so there is no image to analyse: {error}",
    ),
    (
        "size.summary",
        "Efficiency {pct} % · image {image} · wasted {wasted}",
    ),
    (
        "size.no_waste",
        "No layer deletes or overwrites what an earlier layer of this Dockerfile added.",
    ),
    ("size.wasted_bytes", "Wasted bytes"),
    ("size.wasted", "Wasted"),
    ("size.added_by", "Added by"),
    ("size.removed_by", "Removed by"),
    ("size.files_how", " ({files}, {how})"),
    ("size.try_rewrite", "Try this rewrite"),
    // Cache forecast
    ("forecast.title", "Cache forecast"),
    (
        "forecast.working",
        "Working out what the next build will reuse…",
    ),
    ("forecast.input_diff", "Input diff"),
    ("forecast.input", "Input"),
    ("forecast.before", "Before"),
    ("forecast.now", "Now"),
    ("forecast.rebuild", "rebuild"),
    ("forecast.cached", "cached"),
    ("forecast.line_aria", "Line {line}: show in the editor"),
    // Saved projects
    (
        "save.damaged",
        "Your saved project could not be read (the save looks damaged), so Drydock started from the example. The damaged save is kept aside, not deleted.",
    ),
    (
        "save.newer",
        "Your saved project was written by a newer Drydock (save format {v}; this one reads format {ours}), so Drydock started from the example. The save is kept aside.",
    ),
    (
        "save.older",
        "Your saved project uses an old save format ({v}) that this Drydock no longer reads, so it started from the example. The old save is kept aside.",
    ),
    (
        "save.session_lost",
        "Your files were restored, but the saved images and containers could not be read: build again to recreate them.",
    ),
    // Share links
    (
        "sharelink.damaged",
        "This share link is incomplete or damaged (was it cut off when it was copied?).",
    ),
    (
        "sharelink.newer",
        "This share link was made by a newer Drydock (format {v}); this one reads format {ours}.",
    ),
    (
        "sharelink.bad_file",
        "This share link holds a file Drydock cannot use ({error}).",
    ),
    // Uploads
    ("upload.one", "Uploaded 1 file"),
    ("upload.from_folder", "Uploaded {n} files from {folder}/"),
    ("upload.many", "Uploaded {n} files"),
    (
        "upload.skipped",
        " ({n} left out: .git, .drydock and desktop files such as .DS_Store)",
    ),
    // Example projects (the core's titles and summaries)
    ("example.trainer.title", "Trainer image (pip)"),
    (
        "example.trainer.summary",
        "The MLOps course's trainer.dockerfile: a PyTorch training script, its requirements and data.",
    ),
    ("example.trainer_uv.title", "Trainer image (uv)"),
    (
        "example.trainer_uv.summary",
        "The same project installed with uv from a lock file, dependencies first for the cache.",
    ),
    ("example.api.title", "Inference API (FastAPI)"),
    (
        "example.api.summary",
        "A FastAPI app served by uvicorn: EXPOSE, `docker run -p 8000:8000`, a container that keeps running.",
    ),
    ("example.multistage.title", "Multi-stage build"),
    (
        "example.multistage.summary",
        "Build wheels in a full image, copy only what runs into a slim one: compare the sizes.",
    ),
    ("example.dockerignore.title", ".dockerignore demo"),
    (
        "example.dockerignore.summary",
        "`COPY . .` with and without a .dockerignore: what enters the image, and how big it gets.",
    ),
    ("example.broken.title", "Broken on purpose"),
    (
        "example.broken.summary",
        "Common mistakes in one file: a typo, a missing RUN, shell-form CMD, secrets in ENV, cache-busting order.",
    ),
    //
    //
    //
    // File and folder names (project pane)
    ("names.empty", "Type a name."),
    ("names.space", "Names can't start or end with a space."),
    ("names.control", "Names can't contain control characters."),
    (
        "names.backslash",
        "Use “/” between folders (a “\\” would be part of the name).",
    ),
    ("names.slash", "A name can't contain “/”."),
    (
        "names.empty_part",
        "Remove the empty folder name (“//” or a “/” at either end).",
    ),
    ("names.dots", "“.” and “..” are not names."),
    ("names.long", "Names are limited to 255 bytes."),
    (
        "names.reserved",
        "“.drydock” is reserved for Drydock's own state.",
    ),
    ("names.exists", "“{name}” already exists here."),
    (
        "names.large_folder",
        "Large folders like {name}/ usually belong in .dockerignore, so `COPY . .` leaves them out.",
    ),
    (
        "names.dockerignore_spelling",
        "Docker reads only “.dockerignore” (leading dot, lower case) or “<Dockerfile>.dockerignore”.",
    ),
    (
        "names.dockerignore_for",
        "Used instead of .dockerignore when building with -f {dockerfile}.",
    ),
    (
        "names.dockerignore_none",
        "Applies only to a Dockerfile named {dockerfile} (there is none yet).",
    ),
    (
        "names.dockerfile_name",
        "Docker looks for “Dockerfile” by default: build this one with -f {path}.",
    ),
    (
        "names.secret",
        "Secrets end up in the image with `COPY . .`: list {name} in .dockerignore.",
    ),
    (
        "names.spaces",
        "Names with spaces need the JSON form in Dockerfiles: COPY [\"my file\", \"/app/\"].",
    ),
    // Variable scope (empty)
    ("scope.none", "No ARG or ENV variables yet."),
    // Build options (placeholders)
    ("build.arg_name_placeholder", "NAME"),
    ("build.tag_placeholder", "name:tag"),
];
