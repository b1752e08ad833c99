//! awk's grammar: pattern-action items, BEGIN/END, user functions, statements and expressions
//! with awk's precedence (including implicit concatenation and `in`).
use super::lexer::Tok;

#[derive(Debug, Clone)]
pub(crate) enum Expr {
    Num(f64),
    Str(String),
    Re(String),
    Var(String),
    Index(String, Vec<Expr>),
    Field(Box<Expr>),
    Assign(Box<Expr>, &'static str, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Bin(&'static str, Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Incr(Box<Expr>, bool, f64),
    In(Vec<Expr>, String),
    Match(Box<Expr>, Box<Expr>, bool),
    Concat(Box<Expr>, Box<Expr>),
    Builtin(String, Vec<Expr>),
    Call(String, Vec<Expr>),
    /// `getline [var] [< file]`.
    Getline(Option<Box<Expr>>, Option<Box<Expr>>),
    Group(Box<Expr>),
}

#[derive(Debug, Clone)]
pub(crate) enum Stmt {
    Expr(Expr),
    Print(Vec<Expr>, Option<(&'static str, Expr)>),
    Printf(Vec<Expr>, Option<(&'static str, Expr)>),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    Do(Box<Stmt>, Expr),
    For(Option<Expr>, Option<Expr>, Option<Expr>, Box<Stmt>),
    ForIn(String, String, Box<Stmt>),
    Block(Vec<Stmt>),
    Next,
    Exit(Option<Expr>),
    Return(Option<Expr>),
    Break,
    Continue,
    Delete(String, Option<Vec<Expr>>),
}

#[derive(Debug, Clone)]
pub(crate) enum Pattern {
    Begin,
    End,
    All,
    Expr(Expr),
    Range(Expr, Expr),
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Program {
    pub items: Vec<(Pattern, Option<Vec<Stmt>>)>,
    pub funcs: Vec<(String, Vec<String>, Vec<Stmt>)>,
}

pub(crate) struct Parser {
    toks: Vec<Tok>,
    i: usize,
    /// Inside `print` arguments an unparenthesised `>` is a redirection.
    no_gt: bool,
    no_in: bool,
}

type R<T> = Result<T, String>;

impl Parser {
    pub fn new(toks: Vec<Tok>) -> Self {
        Parser {
            toks,
            i: 0,
            no_gt: false,
            no_in: false,
        }
    }

    fn peek(&self) -> &Tok {
        self.toks.get(self.i).unwrap_or(&Tok::Eof)
    }

    fn next(&mut self) -> Tok {
        let t = self.peek().clone();
        self.i += 1;
        t
    }

    fn is_op(&self, o: &str) -> bool {
        matches!(self.peek(), Tok::Op(x) if *x == o)
    }

    fn eat_op(&mut self, o: &str) -> bool {
        if self.is_op(o) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, o: &str) -> R<()> {
        if self.eat_op(o) {
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn syntax(&self) -> String {
        let near = match self.peek() {
            Tok::Eof => "end of file".to_owned(),
            Tok::Newline => "newline".to_owned(),
            t => format!("{t:?}"),
        };
        format!("syntax error at source line 1 near {near}")
    }

    fn nl(&mut self) {
        while matches!(self.peek(), Tok::Newline) {
            self.i += 1;
        }
    }

    fn terms(&mut self) {
        while matches!(self.peek(), Tok::Newline) || self.is_op(";") {
            self.i += 1;
        }
    }

    pub fn program(&mut self) -> R<Program> {
        let mut p = Program::default();
        self.terms();
        while !matches!(self.peek(), Tok::Eof) {
            if matches!(self.peek(), Tok::Kw("function")) {
                self.i += 1;
                let name = match self.next() {
                    Tok::Name(n) | Tok::Call(n) => n,
                    _ => return Err(self.syntax()),
                };
                self.expect("(")?;
                let mut params = Vec::new();
                while let Tok::Name(n) = self.peek().clone() {
                    self.i += 1;
                    params.push(n);
                    self.eat_op(",");
                    self.nl();
                }
                self.expect(")")?;
                self.nl();
                let body = self.block()?;
                p.funcs.push((name, params, body));
                self.terms();
                continue;
            }
            let pat = match self.peek() {
                Tok::Kw("BEGIN") => {
                    self.i += 1;
                    Pattern::Begin
                }
                Tok::Kw("END") => {
                    self.i += 1;
                    Pattern::End
                }
                Tok::Op("{") => Pattern::All,
                _ => {
                    let a = self.expr()?;
                    if self.eat_op(",") {
                        self.nl();
                        let b = self.expr()?;
                        Pattern::Range(a, b)
                    } else {
                        Pattern::Expr(a)
                    }
                }
            };
            let action = if self.is_op("{") {
                Some(self.block()?)
            } else {
                None
            };
            if action.is_none() && matches!(pat, Pattern::Begin | Pattern::End) {
                return Err(self.syntax());
            }
            p.items.push((pat, action));
            self.terms();
        }
        Ok(p)
    }

    fn block(&mut self) -> R<Vec<Stmt>> {
        self.expect("{")?;
        let mut v = Vec::new();
        self.terms();
        while !self.is_op("}") {
            if matches!(self.peek(), Tok::Eof) {
                return Err(self.syntax());
            }
            v.push(self.stmt()?);
            self.terms();
        }
        self.i += 1;
        Ok(v)
    }

    fn simple_or_block(&mut self) -> R<Stmt> {
        self.nl();
        if self.is_op(";") {
            self.i += 1;
            return Ok(Stmt::Block(Vec::new()));
        }
        self.stmt()
    }

    fn end_simple(&mut self) -> R<()> {
        match self.peek() {
            Tok::Newline | Tok::Eof => Ok(()),
            Tok::Op(";") => {
                self.i += 1;
                Ok(())
            }
            Tok::Op("}") => Ok(()),
            _ => Err(self.syntax()),
        }
    }

    fn stmt(&mut self) -> R<Stmt> {
        let s = match self.peek().clone() {
            Tok::Op("{") => return Ok(Stmt::Block(self.block()?)),
            Tok::Kw("if") => {
                self.i += 1;
                self.expect("(")?;
                let c = self.expr()?;
                self.expect(")")?;
                let then = self.simple_or_block()?;
                let save = self.i;
                self.terms();
                let els = if matches!(self.peek(), Tok::Kw("else")) {
                    self.i += 1;
                    Some(Box::new(self.simple_or_block()?))
                } else {
                    self.i = save;
                    None
                };
                return Ok(Stmt::If(c, Box::new(then), els));
            }
            Tok::Kw("while") => {
                self.i += 1;
                self.expect("(")?;
                let c = self.expr()?;
                self.expect(")")?;
                if self.is_op(";") {
                    self.i += 1;
                    return Ok(Stmt::While(c, Box::new(Stmt::Block(Vec::new()))));
                }
                return Ok(Stmt::While(c, Box::new(self.simple_or_block()?)));
            }
            Tok::Kw("do") => {
                self.i += 1;
                let body = self.simple_or_block()?;
                self.terms();
                if !matches!(self.next(), Tok::Kw("while")) {
                    return Err(self.syntax());
                }
                self.expect("(")?;
                let c = self.expr()?;
                self.expect(")")?;
                Stmt::Do(Box::new(body), c)
            }
            Tok::Kw("for") => {
                self.i += 1;
                self.expect("(")?;
                if let (Tok::Name(v), Tok::Kw("in"), Tok::Name(arr), Tok::Op(")")) = (
                    self.peek().clone(),
                    self.toks.get(self.i + 1).cloned().unwrap_or(Tok::Eof),
                    self.toks.get(self.i + 2).cloned().unwrap_or(Tok::Eof),
                    self.toks.get(self.i + 3).cloned().unwrap_or(Tok::Eof),
                ) {
                    self.i += 4;
                    let body = self.simple_or_block()?;
                    return Ok(Stmt::ForIn(v, arr, Box::new(body)));
                }
                let init = if self.is_op(";") {
                    None
                } else {
                    Some(self.expr()?)
                };
                self.expect(";")?;
                self.nl();
                let cond = if self.is_op(";") {
                    None
                } else {
                    Some(self.expr()?)
                };
                self.expect(";")?;
                self.nl();
                let step = if self.is_op(")") {
                    None
                } else {
                    Some(self.expr()?)
                };
                self.expect(")")?;
                if self.is_op(";") {
                    self.i += 1;
                    return Ok(Stmt::For(
                        init,
                        cond,
                        step,
                        Box::new(Stmt::Block(Vec::new())),
                    ));
                }
                let body = self.simple_or_block()?;
                return Ok(Stmt::For(init, cond, step, Box::new(body)));
            }
            Tok::Kw("next") => {
                self.i += 1;
                Stmt::Next
            }
            Tok::Kw("nextfile") => {
                self.i += 1;
                Stmt::Next
            }
            Tok::Kw("break") => {
                self.i += 1;
                Stmt::Break
            }
            Tok::Kw("continue") => {
                self.i += 1;
                Stmt::Continue
            }
            Tok::Kw("exit") => {
                self.i += 1;
                let e = if matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Op(";" | "}")) {
                    None
                } else {
                    Some(self.expr()?)
                };
                Stmt::Exit(e)
            }
            Tok::Name(n) if n == "return" => {
                self.i += 1;
                let e = if matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Op(";" | "}")) {
                    None
                } else {
                    Some(self.expr()?)
                };
                Stmt::Return(e)
            }
            Tok::Kw("delete") => {
                self.i += 1;
                let Tok::Name(n) = self.next() else {
                    return Err(self.syntax());
                };
                let idx = if self.eat_op("[") {
                    let v = self.expr_list()?;
                    self.expect("]")?;
                    Some(v)
                } else {
                    None
                };
                Stmt::Delete(n, idx)
            }
            Tok::Kw(k @ ("print" | "printf")) => {
                self.i += 1;
                let save = self.no_gt;
                self.no_gt = true;
                let mut args = if matches!(
                    self.peek(),
                    Tok::Newline | Tok::Eof | Tok::Op(";" | "}" | ">" | ">>" | "|")
                ) {
                    Vec::new()
                } else {
                    self.expr_list()?
                };
                self.no_gt = save;
                // `print (a, b)` parses as a grouped list
                if args.len() == 1
                    && let Some(Expr::Group(_)) = args.first()
                    && let Some(Expr::Group(g)) = args.pop()
                {
                    args.push(*g);
                }
                let redir = match self.peek() {
                    Tok::Op(o @ (">" | ">>" | "|")) => {
                        let o: &'static str = o;
                        self.i += 1;
                        Some((o, self.concat()?))
                    }
                    _ => None,
                };
                if k == "print" {
                    Stmt::Print(args, redir)
                } else {
                    Stmt::Printf(args, redir)
                }
            }
            _ => Stmt::Expr(self.expr()?),
        };
        self.end_simple()?;
        Ok(s)
    }

    fn expr_list(&mut self) -> R<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.eat_op(",") {
            self.nl();
            v.push(self.expr()?);
        }
        Ok(v)
    }

    pub fn expr(&mut self) -> R<Expr> {
        self.ternary()
    }

    fn ternary(&mut self) -> R<Expr> {
        let c = self.or()?;
        if self.eat_op("?") {
            self.nl();
            let a = self.ternary()?;
            self.nl();
            self.expect(":")?;
            self.nl();
            let b = self.ternary()?;
            return Ok(Expr::Cond(Box::new(c), Box::new(a), Box::new(b)));
        }
        if let Tok::Op(op @ ("=" | "+=" | "-=" | "*=" | "/=" | "%=" | "^=")) = self.peek().clone()
            && matches!(c, Expr::Var(_) | Expr::Index(..) | Expr::Field(_))
        {
            self.i += 1;
            self.nl();
            let v = self.ternary()?;
            return Ok(Expr::Assign(Box::new(c), op, Box::new(v)));
        }
        Ok(c)
    }

    fn or(&mut self) -> R<Expr> {
        let mut l = self.and()?;
        while self.eat_op("||") {
            self.nl();
            l = Expr::Bin("||", Box::new(l), Box::new(self.and()?));
        }
        Ok(l)
    }

    fn and(&mut self) -> R<Expr> {
        let mut l = self.in_expr()?;
        while self.eat_op("&&") {
            self.nl();
            l = Expr::Bin("&&", Box::new(l), Box::new(self.in_expr()?));
        }
        Ok(l)
    }

    fn in_expr(&mut self) -> R<Expr> {
        let mut l = self.matching()?;
        while !self.no_in && matches!(self.peek(), Tok::Kw("in")) {
            self.i += 1;
            let Tok::Name(arr) = self.next() else {
                return Err(self.syntax());
            };
            let keys = match l {
                Expr::Group(g) => vec![*g],
                other => vec![other],
            };
            l = Expr::In(keys, arr);
        }
        Ok(l)
    }

    fn matching(&mut self) -> R<Expr> {
        let mut l = self.relational()?;
        loop {
            if self.eat_op("~") {
                l = Expr::Match(Box::new(l), Box::new(self.relational()?), false);
            } else if self.eat_op("!~") {
                l = Expr::Match(Box::new(l), Box::new(self.relational()?), true);
            } else {
                return Ok(l);
            }
        }
    }

    fn relational(&mut self) -> R<Expr> {
        let l = self.concat()?;
        let op = match self.peek() {
            Tok::Op(o @ ("<" | "<=" | "==" | "!=" | ">=")) => *o,
            Tok::Op(">") if !self.no_gt => ">",
            _ => return Ok(l),
        };
        self.i += 1;
        let r = self.concat()?;
        Ok(Expr::Bin(op, Box::new(l), Box::new(r)))
    }

    fn starts_operand(&self) -> bool {
        match self.peek() {
            Tok::Num(_)
            | Tok::Str(_)
            | Tok::Re(_)
            | Tok::Name(_)
            | Tok::Call(_)
            | Tok::Builtin(_) => true,
            Tok::Op(o) => matches!(*o, "$" | "!" | "(" | "-" | "+" | "++" | "--"),
            _ => false,
        }
    }

    fn concat(&mut self) -> R<Expr> {
        let mut l = self.additive()?;
        while self.starts_operand() && !matches!(self.peek(), Tok::Kw("in")) {
            // `a -1` is subtraction, handled in additive; here `-`/`+` never start a concat
            if self.is_op("-") || self.is_op("+") {
                break;
            }
            let r = self.additive()?;
            l = Expr::Concat(Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn additive(&mut self) -> R<Expr> {
        let mut l = self.mult()?;
        loop {
            let op = match self.peek() {
                Tok::Op(o @ ("+" | "-")) => *o,
                _ => return Ok(l),
            };
            self.i += 1;
            l = Expr::Bin(op, Box::new(l), Box::new(self.mult()?));
        }
    }

    fn mult(&mut self) -> R<Expr> {
        let mut l = self.unary()?;
        loop {
            let op = match self.peek() {
                Tok::Op(o @ ("*" | "/" | "%")) => *o,
                _ => return Ok(l),
            };
            self.i += 1;
            l = Expr::Bin(op, Box::new(l), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> R<Expr> {
        if self.eat_op("!") {
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        if self.eat_op("-") {
            return Ok(Expr::Neg(Box::new(self.unary()?)));
        }
        if self.eat_op("+") {
            return Ok(Expr::Bin(
                "+",
                Box::new(Expr::Num(0.0)),
                Box::new(self.unary()?),
            ));
        }
        self.power()
    }

    fn power(&mut self) -> R<Expr> {
        let base = self.postfix()?;
        if self.eat_op("^") || self.eat_op("**") {
            let e = self.unary()?;
            return Ok(Expr::Bin("^", Box::new(base), Box::new(e)));
        }
        Ok(base)
    }

    fn postfix(&mut self) -> R<Expr> {
        if self.eat_op("++") {
            return Ok(Expr::Incr(Box::new(self.postfix()?), true, 1.0));
        }
        if self.eat_op("--") {
            return Ok(Expr::Incr(Box::new(self.postfix()?), true, -1.0));
        }
        let e = self.primary()?;
        if matches!(e, Expr::Var(_) | Expr::Index(..) | Expr::Field(_)) {
            if self.eat_op("++") {
                return Ok(Expr::Incr(Box::new(e), false, 1.0));
            }
            if self.eat_op("--") {
                return Ok(Expr::Incr(Box::new(e), false, -1.0));
            }
        }
        Ok(e)
    }

    fn primary(&mut self) -> R<Expr> {
        match self.next() {
            Tok::Num(n) => Ok(Expr::Num(n)),
            Tok::Str(s) => Ok(Expr::Str(s)),
            Tok::Re(r) => Ok(Expr::Re(r)),
            Tok::Op("$") => {
                let e = self.primary_for_field()?;
                Ok(Expr::Field(Box::new(e)))
            }
            Tok::Op("(") => {
                let (sg, si) = (self.no_gt, self.no_in);
                self.no_gt = false;
                self.no_in = false;
                let first = self.expr()?;
                if self.eat_op(",") {
                    let mut v = vec![first];
                    v.extend(self.expr_list()?);
                    self.expect(")")?;
                    self.no_gt = sg;
                    self.no_in = si;
                    if matches!(self.peek(), Tok::Kw("in")) {
                        self.i += 1;
                        let Tok::Name(arr) = self.next() else {
                            return Err(self.syntax());
                        };
                        return Ok(Expr::In(v, arr));
                    }
                    return Err(self.syntax());
                }
                self.expect(")")?;
                self.no_gt = sg;
                self.no_in = si;
                Ok(Expr::Group(Box::new(first)))
            }
            Tok::Name(n) => {
                if self.eat_op("[") {
                    let idx = self.expr_list()?;
                    self.expect("]")?;
                    return Ok(Expr::Index(n, idx));
                }
                Ok(Expr::Var(n))
            }
            Tok::Builtin(b) => {
                let args = if self.eat_op("(") {
                    let a = if self.is_op(")") {
                        Vec::new()
                    } else {
                        self.expr_list()?
                    };
                    self.expect(")")?;
                    a
                } else {
                    Vec::new()
                };
                Ok(Expr::Builtin(b, args))
            }
            Tok::Call(f) => {
                self.expect("(")?;
                let a = if self.is_op(")") {
                    Vec::new()
                } else {
                    self.expr_list()?
                };
                self.expect(")")?;
                Ok(Expr::Call(f, a))
            }
            Tok::Kw("getline") => {
                let target = match self.peek() {
                    Tok::Name(_) | Tok::Op("$") => Some(Box::new(self.primary()?)),
                    _ => None,
                };
                let file = if self.eat_op("<") {
                    Some(Box::new(self.primary()?))
                } else {
                    None
                };
                Ok(Expr::Getline(target, file))
            }
            Tok::Op("-") => Ok(Expr::Neg(Box::new(self.primary()?))),
            Tok::Op("!") => Ok(Expr::Not(Box::new(self.primary()?))),
            _ => {
                self.i -= 1;
                Err(self.syntax())
            }
        }
    }

    fn primary_for_field(&mut self) -> R<Expr> {
        if self.eat_op("++") {
            return Ok(Expr::Incr(Box::new(self.primary()?), true, 1.0));
        }
        if self.eat_op("-") {
            return Ok(Expr::Neg(Box::new(self.primary()?)));
        }
        self.primary()
    }
}
