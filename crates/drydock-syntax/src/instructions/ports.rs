//! EXPOSE port specs (`dockerfile2llb/convert_expose.go`): `[ip:][hostPort:]containerPort[-end][/proto]`
//! → `port/proto` entries. A pure function the engine calls after expansion and word splitting.
use crate::go;
use std::net::IpAddr;

/// `parsePortSpecs`: every spec expanded to `port/proto`, or BuildKit's error.
pub fn parse_port_specs<S: AsRef<str>>(ports: &[S]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for p in ports {
        out.extend(parse_port_spec(p.as_ref())?);
    }
    Ok(out)
}

/// Whether a spec names an IP address or a host port (BuildKit's `ExposeInvalidFormat` lint).
pub fn has_ip_or_host_port(spec: &str) -> bool {
    spec.contains(':')
}

fn split_parts(raw: &str) -> (String, &str, &str) {
    let parts: Vec<&str> = raw.split(':').collect();
    match parts.as_slice() {
        [c] => (String::new(), "", c),
        [h, c] => (String::new(), h, c),
        [ip, h, c] => ((*ip).to_owned(), h, c),
        _ => {
            let n = parts.len();
            let ip = parts.get(..n - 2).map(|p| p.join(":")).unwrap_or_default();
            (
                ip,
                parts.get(n - 2).copied().unwrap_or(""),
                parts.get(n - 1).copied().unwrap_or(""),
            )
        }
    }
}

fn split_proto_port(raw: &str) -> Result<(String, &str), String> {
    let (port, proto) = raw.split_once('/').unwrap_or((raw, ""));
    if port.is_empty() {
        return Err("no port specified".to_owned());
    }
    let proto = go::to_lower(proto).into_owned();
    match proto.as_str() {
        "" => Ok(("tcp".to_owned(), port)),
        "tcp" | "udp" | "sctp" => Ok((proto, port)),
        _ => Err(format!("invalid proto: {proto}")),
    }
}

fn parse_port_range(ports: &str) -> Result<(u64, u64), String> {
    if ports.is_empty() {
        return Err("empty string specified for ports".to_owned());
    }
    if !ports.contains('-') {
        let v = go::parse_uint(ports, 10, 16)?;
        return Ok((v, v));
    }
    let parts: Vec<&str> = ports.split('-').collect();
    let [a, b] = parts.as_slice() else {
        return Err(format!("invalid port range format: {ports}"));
    };
    let start = go::parse_uint(a, 10, 16)?;
    let end = go::parse_uint(b, 10, 16)?;
    if end < start {
        return Err(format!("invalid range specified for port: {ports}"));
    }
    Ok((start, end))
}

/// `parsePortSpec`.
pub fn parse_port_spec(raw: &str) -> Result<Vec<String>, String> {
    let (mut ip, host_port, container) = split_parts(raw);
    let (proto, container) = split_proto_port(container)
        .map_err(|e| format!("invalid port: {}: {e}", go::quote(raw)))?;
    if ip.starts_with('[') {
        // net.SplitHostPort(ip + ":") strips the brackets of an IPv6 address.
        match ip.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            Some(inner) if !inner.contains(['[', ']']) => ip = inner.to_owned(),
            _ => {
                return Err(format!(
                    "invalid IP address {ip}: address {ip}:: missing ']' in address"
                ));
            }
        }
    }
    if !ip.is_empty() && ip.parse::<IpAddr>().is_err() {
        return Err(format!("invalid IP address: {ip}"));
    }
    let (start, end) =
        parse_port_range(container).map_err(|_| format!("invalid containerPort: {container}"))?;
    if !host_port.is_empty() {
        let (hs, he) =
            parse_port_range(host_port).map_err(|_| format!("invalid hostPort: {host_port}"))?;
        if end - start != he - hs && end != start {
            return Err(format!(
                "invalid ranges specified for container and host Ports: {container} and {host_port}"
            ));
        }
    }
    Ok((start..=end).map(|p| format!("{p}/{proto}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(
            parse_port_specs(&["0.0.0.0:1234-1235:3333-3334/tcp"]).unwrap(),
            ["3333/tcp", "3334/tcp"]
        );
        assert_eq!(
            parse_port_specs(&["[2001:4860:0:2001::68]::333"]).unwrap(),
            ["333/tcp"]
        );
        assert_eq!(parse_port_specs(&["::::80"]).unwrap(), ["80/tcp"]);
        assert_eq!(parse_port_specs(&["80/UDP"]).unwrap(), ["80/udp"]);
        assert_eq!(
            parse_port_specs(&[""]).unwrap_err(),
            "invalid port: \"\": no port specified"
        );
        assert!(parse_port_specs(&["localhost:1234:1234/tcp"]).is_err());
    }
}
