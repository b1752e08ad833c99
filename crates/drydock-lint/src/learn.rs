//! Runs Drydock's learner rules after BuildKit's checks, over the tree and the dispatch model.
use crate::convert::Cx;
use crate::linter::Sink;
use crate::model::Model;

/// Every learner rule, in code order.
pub fn run(cx: &Cx<'_, '_>, sink: &mut Sink, model: &Model) {
    let _ = (cx, sink, model);
}
