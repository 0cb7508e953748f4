//! Tests of `mail::parse`: charsets, HTML-only mail, attachments, limits and hostile input.

use super::*;

fn parse(raw: &[u8]) -> Result<InboundMail, ParseError> {
    parse_mail(raw, &ParseLimits::default())
}

#[test]
fn hostile_filenames_are_sanitised() {
    let long = format!("{}.pdf", "a".repeat(300));
    let cases: &[(&str, &str)] = &[
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\cmd.exe", "cmd.exe"),
        ("/etc/shadow", "shadow"),
        ("C:\\Users\\x\\report.docx", "report.docx"),
        ("..", "attachment"),
        ("../", "attachment"),
        ("", "attachment"),
        ("   ", "attachment"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT1.log", "_LPT1.log"),
        ("COM9", "_COM9"),
        ("NUL.tar.gz", "_NUL.tar.gz"),
        (".bashrc", "bashrc"),
        ("a\u{0}b\u{7}c.txt", "a_b_c.txt"),
        ("what?.txt", "what_.txt"),
        ("report.pdf.", "report.pdf"),
        ("evil\u{202e}fdp.exe", "evil_fdp.exe"),
        ("日志 2025.txt", "日志 2025.txt"),
    ];
    for (input, want) in cases {
        assert_eq!(sanitize_filename(input), *want, "input {input:?}");
    }
    let cut = sanitize_filename(&long);
    assert_eq!(cut.chars().count(), MAX_FILENAME_CHARS);
    assert!(cut.ends_with(".pdf"));
    let cjk_long = format!("{}.xlsx", "报".repeat(500));
    let cut = sanitize_filename(&cjk_long);
    assert!(cut.chars().count() <= MAX_FILENAME_CHARS && cut.ends_with(".xlsx"));
}

#[test]
fn malformed_inputs_never_panic() {
    let mut nested = String::from("From: a@x.test\nSubject: deep\n");
    for i in 0..100 {
        nested.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"
        ));
    }
    nested.push_str("Content-Type: text/plain\n\ninnermost\n");
    let mut many = String::from(
        "From: a@x.test\nSubject: many\nContent-Type: multipart/mixed; boundary=z\n\n",
    );
    for i in 0..1000 {
        many.push_str(&format!(
            "--z\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"f{i}.bin\"\n\nxx\n"
        ));
    }
    many.push_str("--z--\n");
    let big_header = format!("From: a@x.test\nSubject: {}\n\nbody\n", "x".repeat(1 << 20));
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("empty", b"".to_vec()),
        ("only whitespace", b"  \r\n \n".to_vec()),
        ("only headers", b"From: a@x.test\nSubject: hi\n".to_vec()),
        ("nul bytes", b"From: a@x\0.test\nSubject: \0\0\n\n\0body\0".to_vec()),
        ("bare cr", b"From: a@x.test\rSubject: cr\r\rbody\r".to_vec()),
        ("8-bit garbage headers", b"From: \xff\xfe <a@x.test>\nSubject: \xc0\xc1\xf5\xff\n\nbody".to_vec()),
        ("nested 100", nested.into_bytes()),
        ("1000 parts", many.into_bytes()),
        ("1 MB header", big_header.into_bytes()),
        ("broken boundary", b"From: a@x.test\nContent-Type: multipart/mixed; boundary=\"q\n\n--q\nContent-Type: text/plain\n\nhello\n--".to_vec()),
        ("no boundary param", b"From: a@x.test\nContent-Type: multipart/alternative\n\nhello".to_vec()),
        ("bad base64", b"From: a@x.test\nContent-Transfer-Encoding: base64\n\n!!!!****".to_vec()),
        ("bad encoded word", b"From: =?utf-8?B?@@@?= <a@x.test>\nSubject: =?x-unknown?Q?=ZZ?= =?utf-8?B?5Z+?=\n\nb".to_vec()),
        ("binary junk", (0u8..=255).cycle().take(5000).collect()),
    ];
    for (name, raw) in inputs {
        let result = std::panic::catch_unwind(|| parse(&raw));
        match result {
            Ok(Ok(mail)) => assert_eq!(mail.size, raw.len(), "{name}"),
            Ok(Err(e)) => assert!(!e.to_string().is_empty(), "{name} has a reason"),
            Err(_) => panic!("{name} panicked"),
        }
    }
    let too_big = ParseLimits {
        max_message_bytes: 10,
    };
    assert!(matches!(
        parse_mail(b"From: a@x.test\n\nhello world", &too_big),
        Err(ParseError::TooLarge { .. })
    ));
    assert!(matches!(parse(b""), Err(ParseError::Empty)));
}

#[test]
fn raw_8bit_gbk_subject_and_name_are_decoded() {
    let (subject, _, _) = encoding_rs::GBK.encode("打印机卡纸");
    let (name, _, _) = encoding_rs::GBK.encode("张三");
    let mut raw = b"From: ".to_vec();
    raw.extend_from_slice(&name);
    raw.extend_from_slice(b" <zs@x.test>\nSubject: ");
    raw.extend_from_slice(&subject);
    raw.extend_from_slice(b"\nMessage-ID: <a@x>\n\nbody\n");
    let mail = parse(&raw).expect("parses");
    assert_eq!(mail.subject, "打印机卡纸");
    assert_eq!(mail.from.name.as_deref(), Some("张三"));
    assert_eq!(mail.from.email, "zs@x.test");
}

#[test]
fn encoded_words_split_inside_a_character_are_joined() {
    // "网络断了" in UTF-8 split after the first byte of "断".
    let bytes = "网络断了".as_bytes();
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let subject = format!(
        "=?UTF-8?B?{}?=\n =?UTF-8?B?{}?=",
        b64(&bytes[..7]),
        b64(&bytes[7..])
    );
    let (gbk, _, _) = encoding_rs::GBK.encode("王五");
    let name = format!("=?GBK?B?{}?= =?GBK?B?{}?=", b64(&gbk[..1]), b64(&gbk[1..]));
    let raw = format!("From: {name} <w@x.test>\nSubject: {subject}\n\nbody\n");
    let mail = parse(raw.as_bytes()).expect("parses");
    assert_eq!(mail.subject, "网络断了");
    assert_eq!(mail.from.name.as_deref(), Some("王五"));
}

#[test]
fn rfc2047_decoding_table() {
    let cases: &[(&str, &str)] = &[
        ("=?utf-8?Q?caf=C3=A9_ok?=", "café ok"),
        ("=?gb2312?B?ufrE2g==?=", "国内"),
        ("=?big5?B?pKSk5Q==?=", "中文"),
        ("=?iso-8859-1?Q?R=E9sum=E9?=", "Résumé"),
        ("a =?utf-8?Q?b?= c", "a b c"),
        ("=?utf-8?Q?a?= =?utf-8?Q?b?=", "ab"),
        ("no words here", "no words here"),
        ("=?broken", "=?broken"),
    ];
    for (input, want) in cases {
        assert_eq!(decode_encoded_words(input), *want, "input {input}");
    }
}

#[test]
fn html_only_mail_becomes_readable_text() {
    let raw = "From: a@x.test\nSubject: h\nContent-Type: text/html; charset=utf-8\n\n<html><head><style>p{color:red}</style><title>t</title></head><body><p>Hello&nbsp;IT,</p><div>VPN &amp; Wi-Fi &lt;down&gt;</div><p>Line<br>break &#20013;&#x6587;</p><script>alert(1)</script></body></html>";
    let mail = parse(raw.as_bytes()).expect("parses");
    assert_eq!(mail.text, "Hello IT,\nVPN & Wi-Fi <down>\nLine\nbreak 中文");
    assert!(mail.html.is_some());
}

#[test]
fn empty_text_part_falls_back_to_html() {
    let raw = "From: a@x.test\nSubject: s\nContent-Type: multipart/alternative; boundary=a\n\n--a\nContent-Type: text/plain\n\n \n--a\nContent-Type: text/html\n\n<p>VPN is down</p>\n--a--\n";
    let mail = parse(raw.as_bytes()).expect("parses");
    assert_eq!(mail.text, "VPN is down");
    assert_eq!(mail.new_text, "VPN is down");
}

#[test]
fn inline_image_without_name_gets_a_generated_name() {
    let raw = "From: a@x.test\nSubject: s\nContent-Type: multipart/related; boundary=r\n\n--r\nContent-Type: text/plain\n\nsee image\n--r\nContent-Type: image/png\nContent-Transfer-Encoding: base64\nContent-ID: <img1>\n\niVBORw0KGgo=\n--r--\n";
    let mail = parse(raw.as_bytes()).expect("parses");
    assert_eq!(mail.attachments.len(), 1);
    assert_eq!(mail.attachments[0].filename, "inline-image-1.png");
    assert_eq!(mail.attachments[0].content_type, "image/png");
}

#[test]
fn missing_message_id_is_synthesised_stably() {
    let raw = b"From: a@x.test\nSubject: s\n\nbody\n";
    let a = parse(raw).expect("parses");
    let b = parse(raw).expect("parses");
    assert_eq!(a.message_id, b.message_id);
    assert!(a.message_id.ends_with("@supportbot.invalid"));
}
