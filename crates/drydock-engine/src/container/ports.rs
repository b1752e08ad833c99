//! Published ports: `-p [IP:][HOST_PORT:]CONTAINER_PORT[-END][/PROTO]` as the client parses it
//! (go-connections `nat.ParsePortSpec`, with its error texts), the bindings it yields, and the
//! host-port allocation when a container starts (ephemeral ports from 32768, conflicts).
use std::collections::BTreeMap;

use super::PortBinding;

/// One `-p` spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    pub ip: String,
    /// Host port range (empty: ephemeral).
    pub host: Option<(u16, u16)>,
    pub container: (u16, u16),
    pub proto: String,
}

/// The addresses Docker reports a binding on: a port bound on 0.0.0.0 is bound on `::` too.
pub fn reported_ips(b: &PortBinding) -> Vec<&str> {
    if b.host_ip == "0.0.0.0" {
        vec!["0.0.0.0", "::"]
    } else {
        vec![b.host_ip.as_str()]
    }
}

/// `IP:PORT`, the address in brackets when it is IPv6 (Go's `net.JoinHostPort`).
pub fn join_host_port(ip: &str, port: impl std::fmt::Display) -> String {
    if ip.contains(':') {
        format!("[{ip}]:{port}")
    } else {
        format!("{ip}:{port}")
    }
}

fn parse_range(s: &str) -> Option<(u16, u16)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let a: u16 = a.parse().ok()?;
    let b: u16 = b.parse().ok()?;
    (a <= b).then_some((a, b))
}

impl PortSpec {
    /// Parses a `-p` value.
    pub fn parse(raw: &str) -> Result<PortSpec, String> {
        let (rest, proto) = match raw.rsplit_once('/') {
            Some((r, p)) => (r, p.to_owned()),
            None => (raw, "tcp".to_owned()),
        };
        if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
            return Err(format!("invalid proto: {proto}"));
        }
        // An IPv6 address is bracketed: [::1]:80:80.
        let (ip, rest) = if let Some(r) = rest.strip_prefix('[') {
            match r.split_once("]:") {
                Some((ip, r)) => (ip.to_owned(), r),
                None => return Err(format!("invalid IP address: {rest}")),
            }
        } else {
            let parts: Vec<&str> = rest.split(':').collect();
            if parts.len() == 3 {
                let ip = parts.first().copied().unwrap_or("").to_owned();
                let tail = rest.get(ip.len() + 1..).unwrap_or("");
                (ip, tail)
            } else {
                (String::new(), rest)
            }
        };
        let (host, container) = match rest.split_once(':') {
            Some((h, c)) => (h, c),
            None => ("", rest),
        };
        if container.is_empty() {
            return Err(format!("no port specified: {raw}<empty>"));
        }
        let Some(cport) = parse_range(container) else {
            return Err(format!("invalid containerPort: {container}"));
        };
        let host = if host.is_empty() {
            None
        } else {
            match parse_range(host) {
                Some(h) => Some(h),
                None => return Err(format!("invalid hostPort: {host}")),
            }
        };
        if let Some((a, b)) = host
            && b - a != cport.1 - cport.0
            && a != b
        {
            return Err(format!(
                "invalid ranges specified for container and host Ports: {container} and {}",
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            ));
        }
        Ok(PortSpec {
            ip,
            host,
            container: cport,
            proto,
        })
    }

    /// `(container port/proto, binding)` pairs.
    pub fn bindings(&self) -> Vec<(String, PortBinding)> {
        let (c0, c1) = self.container;
        (c0..=c1)
            .enumerate()
            .map(|(i, c)| {
                let host_port = match self.host {
                    None => String::new(),
                    Some((a, b)) if a == b => a.to_string(),
                    Some((a, _)) => (u32::from(a) + i as u32).to_string(),
                };
                (
                    format!("{c}/{}", self.proto),
                    PortBinding {
                        host_ip: self.ip.clone(),
                        host_port,
                    },
                )
            })
            .collect()
    }
}

/// Allocates host ports for a starting container: ephemeral ports for empty host ports, and an
/// error (the host port) when one is taken by a running container.
pub fn allocate(
    wanted: &BTreeMap<String, Vec<PortBinding>>,
    in_use: &[u16],
) -> Result<BTreeMap<String, Vec<PortBinding>>, u16> {
    let mut used: Vec<u16> = in_use.to_vec();
    let mut next = 32768u16;
    let mut out = BTreeMap::new();
    for (port, bs) in wanted {
        let mut v = Vec::new();
        for b in bs {
            let hp = if b.host_port.is_empty() {
                while used.contains(&next) {
                    next = next.saturating_add(1);
                }
                next
            } else {
                let p: u16 = b.host_port.parse().unwrap_or(0);
                if used.contains(&p) {
                    return Err(p);
                }
                p
            };
            used.push(hp);
            v.push(PortBinding {
                host_ip: if b.host_ip.is_empty() {
                    "0.0.0.0".to_owned()
                } else {
                    b.host_ip.clone()
                },
                host_port: hp.to_string(),
            });
        }
        out.insert(port.clone(), v);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_addresses() {
        let b = PortBinding {
            host_ip: "0.0.0.0".into(),
            host_port: "8080".into(),
        };
        let shown: Vec<String> = reported_ips(&b)
            .into_iter()
            .map(|ip| join_host_port(ip, &b.host_port))
            .collect();
        assert_eq!(shown, ["0.0.0.0:8080", "[::]:8080"]);
    }

    #[test]
    fn specs() {
        let p = PortSpec::parse("8000:80").unwrap();
        assert_eq!(
            (p.host, p.container, p.proto.as_str()),
            (Some((8000, 8000)), (80, 80), "tcp")
        );
        let p = PortSpec::parse("127.0.0.1:8000:80/udp").unwrap();
        assert_eq!(p.ip, "127.0.0.1");
        assert_eq!(
            PortSpec::parse("abc"),
            Err("invalid containerPort: abc".into())
        );
        assert_eq!(PortSpec::parse("x:80"), Err("invalid hostPort: x".into()));
        assert_eq!(PortSpec::parse("80/foo"), Err("invalid proto: foo".into()));
        assert_eq!(PortSpec::parse("8000").unwrap().host, None);
    }
}
