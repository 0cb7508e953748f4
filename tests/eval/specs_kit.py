"""Shared helper block of the tuning-set specs (tune_specs.py, tune2_specs.py, tune3_specs.py).

Each specs module does `from specs_kit import Kit` and `kit = Kit(); MAILS = kit.MAILS;
M, R = kit.M, kit.R`. The MIME profiles rotate per language, so every set gets the same mix of
clients, charsets, transfer encodings and Subject encodings. Imports the corpus tool emlkit
from ../shared/corpus/tools (two layouts are tried)."""
import os
import sys

_here = os.path.dirname(os.path.abspath(__file__))
for _p in ("../../../shared/corpus/tools", "../../../../shared/corpus/tools"):
    sys.path.insert(0, os.path.normpath(os.path.join(_here, _p)))
from emlkit import (quote_gmail_en, quote_outlook_en, quote_outlook_zh, quote_qq,  # noqa: E402,F401
                    quote_163, simple_original)

PROF = {
    "zh": [
        dict(client="outlook", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="foxmail", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"),
        dict(client="qq", charset="gb18030", cte="base64", structure="alt", subj_enc="gb18030-b"),
        dict(client="thunderbird", charset="utf-8", cte="8bit", structure="plain", subj_enc="utf8-b", linesep="\n"),
        dict(client="coremail", charset="gb2312", cte="base64", structure="html", subj_enc="gb2312-b"),
        dict(client="apple", charset="utf-8", cte="quoted-printable", structure="plain", subj_enc="utf8-q"),
        dict(client="webmail", charset="gbk", cte="8bit", structure="plain", subj_enc="gbk-q"),
    ],
    "en": [
        dict(client="outlook", charset="utf-8", cte="quoted-printable", structure="alt"),
        dict(client="gmail", charset="utf-8", cte="7bit", structure="plain"),
        dict(client="apple", charset="utf-8", cte="7bit", structure="plain", flowed=True),
        dict(client="outlook", charset="us-ascii", cte="base64", structure="html"),
        dict(client="webmail", charset="iso-8859-1", cte="quoted-printable", structure="plain"),
    ],
    "mixed": [
        dict(client="outlook", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="foxmail", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"),
        dict(client="gmail", charset="utf-8", cte="quoted-printable", structure="plain", subj_enc="utf8-q"),
    ],
}

BIG5 = dict(charset="big5", cte="base64", structure="alt", subj_enc="big5-b", client="outlook")
SIG_IPHONE_ZH = "\n\n发自我的iPhone"
SIG_IPHONE_EN = "\n\nSent from my iPhone"
SIG_HUAWEI = "\n\n发自我的华为手机"
DISCLAIMER = ("\n\n--\nThis e-mail and any attachments are confidential. If you are not the intended recipient, "
              "please delete it. Emails are not guaranteed to be virus free; check passwords and network policies.")


class Kit:
    """Collects the spec dicts of one set in MAILS, rotating the MIME profiles per language."""

    def __init__(self):
        self.MAILS = []
        self._n = {"zh": 0, "en": 0, "mixed": 0}

    def M(self, kind, cat, pri, lang, frm, subject, body, notes="", **kw):
        p = dict(PROF[lang][self._n[lang] % len(PROF[lang])])
        self._n[lang] += 1
        p.update(kw)
        d = dict(kind=kind, cat=cat, pri=pri, lang=lang, frm=frm, subject=subject,
                 body=body.strip("\n") + "\n", notes=notes)
        d.update(p)
        self.MAILS.append(d)

    def R(self, cat, pri, lang, frm, subject, body, notes="", **kw):
        self.M("request", cat, pri, lang, frm, subject, body, notes, **kw)
