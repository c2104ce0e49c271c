//! A value that every copy of the app state shares and the reducer changes in place.
//!
//! The review log and the learner state it replays to grow with every answer: at 100,000
//! reviews, copying them for each new state cost more than a frame on a phone. Both only ever
//! move forward (events are appended, or the log is replaced by a merge that contains it), so an
//! older state seeing the newer value is harmless, and sharing them is safe.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

/// One value shared by every clone; clones are cheap pointers.
#[derive(Debug, Default)]
pub struct Shared<T>(Rc<RefCell<T>>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> Shared<T> {
    /// Reads the value. Screens read it while rendering; the reducer never runs then.
    pub fn read(&self) -> Ref<'_, T> {
        self.0.borrow()
    }

    /// Changes the value in place, for the reducer only.
    pub(crate) fn write(&self) -> RefMut<'_, T> {
        self.0.borrow_mut()
    }

    /// Replaces the value (a replay or a merge), for the reducer only.
    pub(crate) fn replace(&self, value: T) {
        *self.0.borrow_mut() = value;
    }
}
