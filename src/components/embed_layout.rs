//! Embed mode's layout (`?embed&…`, for an iframe in a course page): only the panes the URL
//! names, no header or lifecycle strip, a thin footer with an "Open in Drydock ↗" link that
//! carries the current project. On start it loads the inline files, opens the file asked for,
//! and builds (then time travels to the start step) when the URL says so. Nothing is autosaved.
use yew::prelude::*;

use super::{
    editor::Editor, help_overlay::HelpOverlay, icons, lesson_panel::LessonPanel, notices::Notices,
    project_pane::ProjectPane, workspace::Workspace,
};
use crate::i18n::{t, tf};
use crate::interop::download;
use crate::persist::share;
use crate::project_state::Tone;
use crate::state::{Action, use_store};
use crate::views::embed_options::Pane;

#[component(EmbedLayout)]
pub fn embed_layout() -> Html {
    let store = use_store();
    let opts = store.embed.clone();

    // Start: the lesson, the inline project, the file to open, the automatic build and the
    // start step.
    {
        let (store, opts) = (store.clone(), opts.clone());
        use_effect_with((), move |_| {
            let Some(opts) = opts else { return };
            // A lesson starts from its own project (nothing to keep aside in an embed).
            if let Some(id) = &opts.lesson {
                match drydock_session::lesson::pack::get(id) {
                    Some(l) => {
                        store.dispatch(Action::StartLesson(crate::lesson_state::LessonRef {
                            lesson: std::rc::Rc::new(l),
                            source: None,
                        }))
                    }
                    None => store.dispatch(Action::Notify(
                        Tone::Error,
                        tf("lessons.unknown", &[("id", id)]),
                        None,
                    )),
                }
            }
            if let Some(payload) = &opts.files {
                match share::decode(payload) {
                    Ok(mut project) => {
                        if let Some(open) = &opts.open {
                            project.open_file = open.clone();
                        }
                        store.dispatch(Action::Restore(Box::new(project)));
                    }
                    Err(msg) => store.dispatch(Action::Notify(Tone::Error, msg, None)),
                }
            } else if let Some(open) = &opts.open {
                store.dispatch(Action::Open(open.clone()));
            }
            if opts.builds() {
                let first = opts.views().first().copied();
                store.dispatch(Action::Build);
                if let Some(step) = opts.step {
                    store.dispatch(Action::Step(Some(0)));
                    store.dispatch(Action::StepBy(i32::try_from(step - 1).unwrap_or(i32::MAX)));
                }
                // The build opens the Build view; an embed without it keeps its first view.
                if let Some(v) =
                    first.filter(|_| !opts.views().contains(&crate::state::View::Build))
                {
                    store.dispatch(Action::Show(v));
                }
            }
        });
    }

    // "Open in Drydock": the full app (same address, no options) with this project in the hash.
    let open_href = use_memo(
        (store.rev, store.file_name.clone(), store.build_form.clone()),
        |_| {
            let encoded = {
                let s = store.session();
                share::encode(s.host(), store.example, &store.file_name, &store.build_form)
            };
            let address = download::address_without_hash();
            let base = address.split('?').next().unwrap_or_default();
            format!("{base}#{}", encoded.fragment)
        },
    );

    let Some(opts) = opts else {
        return html! {};
    };
    let views = opts.views();
    let lesson = store.lessons.active.is_some();
    let columns = usize::from(lesson)
        + usize::from(opts.shows(Pane::Project))
        + usize::from(opts.shows(Pane::Editor))
        + usize::from(!views.is_empty());
    let title = drydock_session::examples::get(store.example)
        .map_or_else(|| t("header.tagline"), crate::views::example_text::title);
    let class = classes!(
        "app",
        "embed",
        format!("embed-cols-{columns}"),
        lesson.then_some("embed-lesson"),
        opts.readonly.then_some("read-only"),
    );
    html! {
        <div {class} data-embed-id={opts.id.clone()}>
            <main class="embed-panes" aria-label={tf("embed.heading", &[("title", title)])}>
                if lesson {
                    <LessonPanel />
                }
                if opts.shows(Pane::Project) {
                    <ProjectPane />
                }
                if opts.shows(Pane::Editor) {
                    <Editor />
                }
                if !views.is_empty() {
                    <Workspace />
                }
            </main>
            <footer class="embed-foot">
                <span class="embed-brand">
                    { icons::logo() }
                    <span>{ "Drydock" }</span>
                    <span class="embed-note">{ t("embed.note") }</span>
                </span>
                <a class="embed-open" id="embed-open" href={(*open_href).clone()} target="_blank"
                    rel="noopener" title={t("embed.open_title")}>
                    { t("embed.open") }<span aria-hidden="true">{ " ↗" }</span>
                </a>
            </footer>
            <HelpOverlay />
            <Notices />
        </div>
    }
}
