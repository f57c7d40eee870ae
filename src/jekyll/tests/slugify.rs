use crate::jekyll::slugify::{SlugMode, ruby_downcase, slugify, transliterate};

#[test]
fn utils_rb_examples() {
    let s = "The _config.yml file";
    assert_eq!(slugify(s, SlugMode::Default, false), "the-config-yml-file");
    assert_eq!(slugify(s, SlugMode::Pretty, false), "the-_config.yml-file");
    assert_eq!(slugify(s, SlugMode::Pretty, true), "The-_config.yml-file");
    assert_eq!(slugify(s, SlugMode::Ascii, false), "the-config-yml-file");
    assert_eq!(slugify(s, SlugMode::Latin, false), "the-config-yml-file");
    assert_eq!(slugify(s, SlugMode::Raw, false), "the-_config.yml-file");
    assert_eq!(slugify(s, SlugMode::None, false), "the _config.yml file");
}

#[test]
fn unicode_titles() {
    assert_eq!(
        slugify("Ruby 2.1.3 veröffentlicht", SlugMode::Default, false),
        "ruby-2-1-3-veröffentlicht"
    );
    assert_eq!(
        slugify("Ruby 2.1.3 veröffentlicht", SlugMode::Latin, false),
        "ruby-2-1-3-veroffentlicht"
    );
    assert_eq!(slugify("日本語 リリース", SlugMode::Latin, false), "");
    assert_eq!(slugify("日本語 リリース", SlugMode::Ascii, false), "");
    assert_eq!(
        slugify("CPIB’s Investigations", SlugMode::Default, false),
        "cpib-s-investigations"
    );
    assert_eq!(transliterate("Łódź ß"), "Lodz ss");
}

#[test]
fn one_hyphen_off_each_end_only() {
    assert_eq!(slugify("--a--", SlugMode::Raw, false), "-a-");
    assert_eq!(slugify("-", SlugMode::Raw, false), "");
    assert_eq!(slugify("  a  ", SlugMode::Raw, false), "a");
}

#[test]
fn unknown_modes_behave_like_none() {
    assert_eq!(SlugMode::from_name("bogus"), SlugMode::None);
    assert_eq!(slugify("A B", SlugMode::from_name("bogus"), true), "A B");
}

#[test]
fn downcase_has_no_final_sigma_rule() {
    assert_eq!(ruby_downcase("ΣΑΣ"), "σασ");
}

#[test]
fn ascii_shortcut_agrees_with_the_regexes() {
    use crate::jekyll::slugify::{SlugMode, slugify};
    let default = regex::Regex::new(r"[^\p{M}\p{L}\p{Nd}]+").unwrap();
    let pretty = regex::Regex::new(r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+").unwrap();
    let jekyll = |regex: &regex::Regex, text: &str| {
        let replaced = regex.replace_all(text, "-");
        let slug = replaced.strip_prefix('-').unwrap_or(&replaced);
        slug.strip_suffix('-').unwrap_or(slug).to_owned()
    };
    let texts = [
        "Hello, World!",
        "  a--b__c  ",
        "The 2024 Budget: what's new?",
        "x.y~z!$&'()+,;=@w",
        "-lead and trail-",
        "",
        "a\tb\nc",
        "UPPER case",
    ];
    for text in texts {
        assert_eq!(
            slugify(text, SlugMode::Default, true),
            jekyll(&default, text),
            "{text:?}"
        );
        assert_eq!(
            slugify(text, SlugMode::Pretty, true),
            jekyll(&pretty, text),
            "{text:?}"
        );
    }
}
