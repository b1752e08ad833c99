//! USER: `USER user[:group]` (`parseUser`).
use super::{R, Req};
use crate::ast::Arg;
use serde::Serialize;

/// A USER instruction.
#[derive(Debug, Clone, Serialize)]
pub struct User<'a> {
    /// `user[:group]`, unexpanded.
    pub user: Arg<'a>,
}

pub(crate) fn parse<'a>(req: &Req<'_, 'a>) -> R<User<'a>> {
    let one = req.exactly_one("USER")?;
    req.flags(&[])?;
    Ok(User { user: one.clone() })
}
