//! How components get the store without one re-render each per change they do not show: the app
//! root hands out one stable hub holding the current store, and the hub wakes a component only
//! when what it reads changed. `use_store` readers wake when the state changed in more than the
//! step shown (`AppState::seq`); `use_store_with` readers when the value their selector picks
//! out of the state changed; `use_store_while` readers on every change while a condition holds.
//! Views that show the step also read it with `use_step`, a context that changes with the step
//! alone. A language switch wakes every reader (all text goes through `t()`).
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::{AppState, Store};

/// The stable context behind `use_store` (compared by identity).
#[derive(Clone)]
pub struct StoreHub(Rc<Inner>);

/// Whether a subscriber's selection changed: it compares with the value it last saw.
type Changed = Box<dyn FnMut(&AppState) -> bool>;

struct Subscriber {
    id: u32,
    handle: UseForceUpdateHandle,
    changed: Changed,
}

struct Inner {
    store: RefCell<Store>,
    /// The language of the state subscribers last rendered.
    lang: Cell<Lang>,
    subscribers: RefCell<Vec<Subscriber>>,
    next_id: Cell<u32>,
}

impl PartialEq for StoreHub {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl StoreHub {
    pub fn new(store: Store) -> Self {
        StoreHub(Rc::new(Inner {
            lang: Cell::new(store.lang),
            store: RefCell::new(store),
            subscribers: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        }))
    }

    /// The current store (callbacks of components that do not re-render on every change read
    /// the state through this, at the time they run).
    pub fn store(&self) -> Store {
        self.0.store.borrow().clone()
    }

    /// Takes the app root's newest store and wakes the subscribers whose part of it changed.
    pub fn set(&self, store: Store) {
        let lang_changed = self.0.lang.replace(store.lang) != store.lang;
        let state: &AppState = &store;
        let woken: Vec<UseForceUpdateHandle> = self
            .0
            .subscribers
            .borrow_mut()
            .iter_mut()
            // Every selector sees every state, so it always compares with the latest.
            .filter_map(|s| ((s.changed)(state) || lang_changed).then(|| s.handle.clone()))
            .collect();
        *self.0.store.borrow_mut() = store;
        for h in woken {
            h.force_update();
        }
    }

    fn subscribe(&self, handle: UseForceUpdateHandle, changed: Changed) -> Subscription {
        let id = self.0.next_id.get();
        self.0.next_id.set(id.wrapping_add(1));
        self.0.subscribers.borrow_mut().push(Subscriber {
            id,
            handle,
            changed,
        });
        Subscription {
            hub: Rc::downgrade(&self.0),
            id,
        }
    }
}

/// A component's place in the hub, left when the component goes.
struct Subscription {
    hub: Weak<Inner>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(hub) = self.hub.upgrade() {
            hub.subscribers.borrow_mut().retain(|s| s.id != self.id);
        }
    }
}

/// An `Rc` compared by identity in a selection: the state replaces the value whenever it
/// changes, so the same pointer means the same value without comparing a long list.
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The time-travel step shown, as a context of its own (`None` = the end of the last build).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepShown(pub Option<usize>);

/// The hub itself, for callbacks that must read the state as it is when they run.
#[hook]
pub fn use_hub() -> StoreHub {
    use_context::<StoreHub>()
        .unwrap_or_else(|| unreachable!("the App component provides the store"))
}

/// Reads the app store from the hub, re-rendering on every change but a step (`AppState::seq`
/// counts those).
#[hook]
pub fn use_store() -> Store {
    use_store_selecting(AppState::seq)
}

/// Reads the app store, re-rendering only when `select(state)` changes (and on a language
/// switch). The selection must cover every part of the state the component renders from; its
/// callbacks get the state they rendered with, so a callback that reads the state (rather than
/// only dispatching) reads it from [`use_hub`] when it runs. `select` is a plain function, so it
/// cannot capture props that would go stale.
#[hook]
pub fn use_store_with<D: PartialEq + 'static>(select: fn(&AppState) -> D) -> Store {
    use_store_selecting(select)
}

/// Reads the app store, re-rendering on every change but a step while `active(state)` holds,
/// and when it starts or stops holding (a dialog that shows nothing while closed).
#[hook]
pub fn use_store_while(active: fn(&AppState) -> bool) -> Store {
    use_store_selecting(move |s| active(s).then(|| s.seq()))
}

#[hook]
fn use_store_selecting<D, F>(select: F) -> Store
where
    D: PartialEq + 'static,
    F: Fn(&AppState) -> D + 'static,
{
    let hub = use_hub();
    let update = use_force_update();
    // Subscribed while rendering, so no change between the first render and an effect is lost.
    let _subscription = use_memo(hub.clone(), move |hub| {
        let mut last = select(&hub.store());
        let changed = move |state: &AppState| {
            let now = select(state);
            if now == last {
                false
            } else {
                last = now;
                true
            }
        };
        hub.subscribe(update, Box::new(changed))
    });
    hub.store()
}

/// The time-travel step shown; the component re-renders when it moves.
#[hook]
pub fn use_step() -> Option<usize> {
    use_context::<StepShown>().and_then(|s| s.0)
}
