//! How components get the store without one re-render each per time-travel step: the app root
//! hands out one stable hub holding the current store, and the hub wakes a component only when
//! the state changed in more than the step shown (`AppState::seq`). Views that show the step
//! also read it with `use_step`, a context that changes with the step alone.
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

use crate::state::Store;

/// The stable context behind `use_store` (compared by identity).
#[derive(Clone)]
pub struct StoreHub(Rc<Inner>);

struct Inner {
    store: RefCell<Store>,
    /// `AppState::seq` of the state subscribers last rendered.
    seq: Cell<u64>,
    subscribers: RefCell<Vec<(u32, UseForceUpdateHandle)>>,
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
            seq: Cell::new(store.seq()),
            store: RefCell::new(store),
            subscribers: RefCell::new(Vec::new()),
            next_id: Cell::new(0),
        }))
    }

    /// The current store.
    pub fn store(&self) -> Store {
        self.0.store.borrow().clone()
    }

    /// Takes the app root's newest store; subscribers re-render unless only the step moved.
    pub fn set(&self, store: Store) {
        // A handle reads the live state: compare with the change count last handed out.
        let seq = store.seq();
        let changed = self.0.seq.replace(seq) != seq;
        *self.0.store.borrow_mut() = store;
        if changed {
            let woken: Vec<UseForceUpdateHandle> = self
                .0
                .subscribers
                .borrow()
                .iter()
                .map(|(_, h)| h.clone())
                .collect();
            for h in woken {
                h.force_update();
            }
        }
    }

    fn subscribe(&self, handle: UseForceUpdateHandle) -> Subscription {
        let id = self.0.next_id.get();
        self.0.next_id.set(id.wrapping_add(1));
        self.0.subscribers.borrow_mut().push((id, handle));
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
            hub.subscribers.borrow_mut().retain(|(i, _)| *i != self.id);
        }
    }
}

/// The time-travel step shown, as a context of its own (`None` = the end of the last build).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepShown(pub Option<usize>);

/// Reads the app store from the hub, re-rendering on every change but a step.
#[hook]
pub fn use_store() -> Store {
    let hub = use_context::<StoreHub>()
        .unwrap_or_else(|| unreachable!("the App component provides the store"));
    let update = use_force_update();
    // Subscribed while rendering, so no change between the first render and an effect is lost.
    let _subscription = use_memo(hub.clone(), |hub| hub.subscribe(update));
    hub.store()
}

/// The time-travel step shown; the component re-renders when it moves.
#[hook]
pub fn use_step() -> Option<usize> {
    use_context::<StepShown>().and_then(|s| s.0)
}
