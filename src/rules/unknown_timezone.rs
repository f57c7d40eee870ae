//! FL307: a `timezone` in `_config.yml` that does not mean what it says. Jekyll hands it to
//! the C library as `TZ`: a name the time zone database does not have (`Asia/Singapur`,
//! `singapore`) silently becomes UTC, and a POSIX zone such as `UTC+8` counts hours *west*
//! of Greenwich, so it means UTC−8. Every post date and dated URL shifts.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::jekyll::date::TimeZoneReading;
use crate::rule::{Context, Rule};
use crate::site::ZoneSetting;
use crate::site::index::{SiteContext, SiteFinding};

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UnknownTimezone {}

impl Rule for UnknownTimezone {
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_site(&self, cx: &SiteContext<'_>, out: &mut Vec<SiteFinding>) {
        let ZoneSetting::Set { name, reading } = &cx.site.zone else {
            return;
        };
        // The last configuration file that sets it decides; a value from a .frontlint.yml
        // override has no place to point at.
        let Some((index, range)) = cx
            .site
            .files
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, f)| f.value_span("timezone").map(|r| (i, r)))
        else {
            return;
        };
        if !cx.site.files[index].text[range.clone()].contains(name.as_str()) {
            return;
        }
        let Some(place) = cx.config_place(index, range) else {
            return;
        };
        let finding = match reading {
            TimeZoneReading::Iana => return,
            TimeZoneReading::UnknownUsesUtc => {
                let names: Vec<String> =
                    jiff::tz::db().available().map(|n| n.to_string()).collect();
                let suggestion = crate::suggest::closest(name, names.iter().map(String::as_str));
                let help = match suggestion {
                    Some(known) => format!("did you mean `{known}`? Names are case-sensitive"),
                    None => "use a tz database name such as `Asia/Singapore`".to_owned(),
                };
                SiteFinding::new(
                    place,
                    format!(
                        "`{name}` is not a time zone name Jekyll knows: it silently uses UTC for every date"
                    ),
                )
                .with_help(help)
            }
            TimeZoneReading::Posix => {
                let offset = cx.site.time_zone.to_offset(cx.site.build_time);
                SiteFinding::new(
                    place,
                    format!(
                        "`{name}` is read as a POSIX time zone, where the sign is reversed: it means UTC{offset}"
                    ),
                )
                .with_help("use a tz database name such as `Asia/Singapore` or `Etc/GMT-8`")
            }
        };
        out.push(finding);
    }
}
