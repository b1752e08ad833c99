//! `RUN --device` values (`instructions/commands_rundevice.go` `ParseDevice`).
use super::{csv, suggest};
use crate::go;
use serde::Serialize;

/// A parsed `--device`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Device {
    pub name: String,
    pub required: bool,
}

/// `ParseDevice(value)`.
pub fn parse_device(val: &str) -> Result<Device, String> {
    let fields = csv::fields(val).map_err(|e| format!("failed to parse csv devices: {e}"))?;
    let mut d = Device {
        name: String::new(),
        required: false,
    };
    for field in &fields {
        let (key, value, ok) = match field.split_once('=') {
            Some((k, v)) => (go::to_lower(k).into_owned(), v, true),
            None => (go::to_lower(field).into_owned(), "", false),
        };
        if !ok {
            if key == "required" {
                d.required = true;
                continue;
            }
            if d.name.is_empty() {
                d.name = field.clone();
                continue;
            }
            return Err(format!("invalid field '{field}' must be a key=value pair"));
        }
        match key.as_str() {
            "name" => {
                if !d.name.is_empty() {
                    return Err(format!("device name already set to {}", d.name));
                }
                d.name = value.to_owned();
            }
            "required" => {
                d.required = go::parse_bool(value)
                    .ok_or_else(|| format!("invalid value for {key}: {value}"))?;
            }
            _ => {
                if d.name.is_empty() {
                    d.name = field.clone();
                    continue;
                }
                return Err(suggest::wrap(
                    format!("unexpected key '{key}' in '{field}'"),
                    &key,
                    &["name", "required"],
                    true,
                ));
            }
        }
    }
    Ok(d)
}
