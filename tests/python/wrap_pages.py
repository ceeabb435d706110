#!/usr/bin/env python3
"""Wrap plain-text Chinese government reports into realistic saved government web pages.

Usage: python3 wrap_pages.py SRC_DIR DST_DIR [--seed N]

For every SRC_DIR/*.txt writes DST_DIR/<stem>.html.  Each page is the report as served by a
government portal whose furniture (host name, banner date, nav, breadcrumb, meta line,
related-report links, friend links, footer) names a DIFFERENT region and DIFFERENT years than
the report itself, to stress extractors that key on page furniture.  Output is deterministic
for a given (file name, seed).  Stdlib only.
"""
import argparse
import datetime as dt
import hashlib
import html
import random
import re
import sys
from collections import Counter
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Region data: (city, province, province_short, icp_abbr, area_code, pinyin keys)
# --------------------------------------------------------------------------------------------
CITIES = [
    ("杭州市", "浙江省", "浙江", "浙", "0571", ("hangzhou", "zhejiang")),
    ("成都市", "四川省", "四川", "蜀", "028", ("chengdu", "sichuan")),
    ("昆明市", "云南省", "云南", "滇", "0871", ("kunming", "yunnan")),
    ("武汉市", "湖北省", "湖北", "鄂", "027", ("wuhan", "hubei")),
    ("长沙市", "湖南省", "湖南", "湘", "0731", ("changsha", "hunan")),
    ("济南市", "山东省", "山东", "鲁", "0531", ("jinan", "shandong")),
    ("南宁市", "广西壮族自治区", "广西", "桂", "0771", ("nanning", "guangxi")),
    ("贵阳市", "贵州省", "贵州", "黔", "0851", ("guiyang", "guizhou")),
    ("兰州市", "甘肃省", "甘肃", "陇", "0931", ("lanzhou", "gansu")),
    ("银川市", "宁夏回族自治区", "宁夏", "宁", "0951", ("yinchuan", "ningxia")),
    ("西宁市", "青海省", "青海", "青", "0971", ("xining", "qinghai")),
    ("福州市", "福建省", "福建", "闽", "0591", ("fuzhou", "fujian")),
    ("海口市", "海南省", "海南", "琼", "0898", ("haikou", "hainan")),
    ("太原市", "山西省", "山西", "晋", "0351", ("taiyuan", "shanxi")),
    ("合肥市", "安徽省", "安徽", "皖", "0551", ("hefei", "anhui")),
    ("南昌市", "江西省", "江西", "赣", "0791", ("nanchang", "jiangxi")),
    ("石家庄市", "河北省", "河北", "冀", "0311", ("shijiazhuang", "hebei")),
    ("呼和浩特市", "内蒙古自治区", "内蒙古", "蒙", "0471", ("huhehaote", "neimenggu")),
    ("哈尔滨市", "黑龙江省", "黑龙江", "黑", "0451", ("haerbin", "heilongjiang")),
    ("长春市", "吉林省", "吉林", "吉", "0431", ("changchun", "jilin")),
    ("沈阳市", "辽宁省", "辽宁", "辽", "024", ("shenyang", "liaoning")),
    ("郑州市", "河南省", "河南", "豫", "0371", ("zhengzhou", "henan")),
    ("拉萨市", "西藏自治区", "西藏", "藏", "0891", ("lasa", "xizang")),
    ("乌鲁木齐市", "新疆维吾尔自治区", "新疆", "新", "0991", ("wulumuqi", "xinjiang")),
    ("西安市", "陕西省", "陕西", "陕", "029", ("xian", "shaanxi")),
    ("南京市", "江苏省", "江苏", "苏", "025", ("nanjing", "jiangsu")),
    ("广州市", "广东省", "广东", "粤", "020", ("guangzhou", "guangdong")),
    ("桐庐县", "浙江省", "浙江", "浙", "0571", ("tonglu", "zhejiang")),
    ("建德市", "浙江省", "浙江", "浙", "0571", ("jiande", "zhejiang")),
    ("德清县", "浙江省", "浙江", "浙", "0572", ("deqing", "zhejiang")),
    ("宜良县", "云南省", "云南", "滇", "0871", ("yiliang", "yunnan")),
    ("平江县", "湖南省", "湖南", "湘", "0730", ("pingjiang", "hunan")),
    ("简阳市", "四川省", "四川", "蜀", "028", ("jianyang", "sichuan")),
]

MINISTRIES = ["司法部", "财政部", "自然资源部", "生态环境部", "交通运输部", "水利部",
              "农业农村部", "商务部", "文化和旅游部", "应急管理部", "人力资源和社会保障部",
              "住房和城乡建设部", "教育部", "科学技术部"]

DEPTS = ["司法局", "民政局", "统计局", "财政局", "人民政府办公室", "政务服务数据管理局",
         "发展和改革委员会", "人力资源和社会保障局", "生态环境局", "融媒体中心"]

REPORT_KINDS = ["法治政府建设情况报告", "政府信息公开工作年度报告", "国民经济和社会发展统计公报",
                "政府工作报告", "法治政府建设年度报告", "民政事业发展统计公报",
                "政务公开工作要点", "优化营商环境工作情况报告", "行政复议工作情况报告"]

ROADS = ["人民路", "解放路", "中山路", "建设大道", "府前街", "市府路", "政通路", "和平路", "文化路"]
WEATHER = ["晴", "多云", "阴", "小雨", "阵雨", "晴转多云", "多云转阴", "小雪"]
WEEKDAYS = "一二三四五六日"

YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
SIG_DATE_RE = re.compile(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
SIG_ORG_RE = re.compile(r"(人民政府|局|厅|委员会|办公室|部)\s*$")
NUM_CELL_RE = re.compile(r"^[-+#*]?[\d,，.．%％]+[*%％]?$")
END_PUNCT = tuple("。；;：:，,！!？?、")


# --------------------------------------------------------------------------------------------
# Analysis of the report text
# --------------------------------------------------------------------------------------------
def report_years(text):
    c = Counter(int(y) for y in YEAR_RE.findall(text))
    return c


def excluded(city_row, text, stem):
    city, prov, pshort, _, _, keys = city_row
    stem_l = stem.lower()
    if city[:-1] in text or pshort in text or prov in text:
        return True
    return any(k in stem_l for k in keys)


def split_cells(line):
    """Return list of cells if line looks like a table row, else None."""
    s = line.strip()
    if (s.count("|") >= 2 or s.endswith("|") or s.startswith("|")
            or (s.count("|") >= 1 and re.search(r"\d", s) and len(s) < 120)):
        cells = [c.strip() for c in s.split("|")]
        # trim leading/trailing empties produced by '| a | b |'
        while cells and cells[-1] == "":
            cells.pop()
        while cells and cells[0] == "":
            cells.pop(0)
        return cells if cells else [""]
    if "\t" in s or re.search(r"\S {2,}\S", s):
        cells = [c for c in re.split(r"\t+| {2,}|\u3000{2,}", s) if c.strip()]
        nums = sum(1 for c in cells if NUM_CELL_RE.match(c.strip()))
        if len(cells) >= 3 and nums >= 2:
            return [c.strip() for c in cells]
    return None


def is_titleish(line):
    s = line.strip()
    return 0 < len(s) <= 60 and not s.endswith(END_PUNCT)


def analyse(text):
    lines = [l.rstrip() for l in text.splitlines()]
    nonempty = [i for i, l in enumerate(lines) if l.strip()]
    title_lines = []
    body_start = 0
    if nonempty:
        i0 = nonempty[0]
        first = lines[i0].strip()
        if is_titleish(first) and split_cells(first) is None and len(first) >= 4:
            title_lines = [first]
            body_start = i0 + 1
            if len(nonempty) > 1:
                i1 = nonempty[1]
                second = lines[i1].strip()
                if (is_titleish(second) and len(second) <= 40 and split_cells(second) is None
                        and (SIG_ORG_RE.search(first) and ("报告" in second or "公报" in second
                                                           or second.startswith("关于")))):
                    title_lines.append(second)
                    body_start = i1 + 1
    body = [l for l in lines[body_start:]]
    # strip trailing empties
    while body and not body[-1].strip():
        body.pop()
    return title_lines, body


def neutral_title(text):
    """A report without a title line gets a page title that says nothing of
    its kind, region or year (a made-up kind would mislead any reader)."""
    return ""


def signature_indexes(body):
    """Indexes (into body) of trailing signature lines (org name / date)."""
    idx = [i for i, l in enumerate(body) if l.strip()]
    sig = set()
    for i in reversed(idx[-3:]):
        s = body[i].strip()
        if SIG_DATE_RE.match(s) or (len(s) <= 25 and SIG_ORG_RE.search(s)
                                    and not s.endswith(END_PUNCT)):
            sig.add(i)
        else:
            break
    return sig


# --------------------------------------------------------------------------------------------
# Page context (all furniture choices)
# --------------------------------------------------------------------------------------------
def rng_for(name, seed):
    h = hashlib.sha256(f"{name}|{seed}".encode("utf-8")).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def pick_year(rng, avoid, lo, hi):
    cands = [y for y in range(lo, hi + 1) if y not in avoid]
    return rng.choice(cands) if cands else rng.randint(lo, hi)


def rand_date(rng, year, months=(1, 12)):
    m = rng.randint(*months)
    d = rng.randint(1, 28)
    return dt.date(year, m, d)


def build_ctx(rng, stem, text, tmpl):
    yc = report_years(text)
    years = set(yc)
    main_year = yc.most_common(1)[0][0] if yc else None
    pool = [c for c in CITIES if not excluded(c, text, stem)] or CITIES[:]
    host_row = rng.choice(pool)
    city, prov, pshort, icp, area, _ = host_row
    others = [c for c in pool if c[0] != city] or pool
    ctx = {"tmpl": tmpl}

    if tmpl == "province":
        host = f"{prov}人民政府门户网站"
        gov = f"{prov}人民政府"
        local = prov
    elif tmpl == "ministry":
        mins = [m for m in MINISTRIES if m not in text] or MINISTRIES
        mname = rng.choice(mins)
        host = f"中华人民共和国{mname}"
        gov = host
        local = mname
    else:
        host = f"{city}人民政府"
        gov = host
        local = city
    ctx.update(host=host, gov=gov, local=local, city=city, prov=prov)

    # banner date: year 2022-2026 different from report year(s)
    by = pick_year(rng, years, 2022, 2026)
    bd = rand_date(rng, by)
    ctx["banner"] = f"今天是{bd.year}年{bd.month}月{bd.day}日 星期{WEEKDAYS[bd.weekday()]}"
    if rng.random() < 0.5:
        lo = rng.randint(-8, 22)
        ctx["weather"] = f"{city[:-1] if tmpl != 'ministry' else '北京'} {rng.choice(WEATHER)} {lo}℃~{lo + rng.randint(4, 10)}℃"
    else:
        ctx["weather"] = None

    # publication date: plausibly after the report year
    if main_year and main_year < 2026:
        py = main_year + 1 if rng.random() < 0.8 else min(main_year + 2, 2026)
        pd = rand_date(rng, py, (1, 6))
    else:
        py = pick_year(rng, years, 2022, 2026)
        pd = rand_date(rng, py)
    ctx["pubdate"] = pd
    ctx["pubtime"] = f"{pd.isoformat()} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}"
    src_city = rng.choice(others)[0] if tmpl != "ministry" and rng.random() < 0.3 else city
    if tmpl == "ministry":
        ctx["source"] = rng.choice([f"{local}办公厅", f"{local}法制司", f"{local}政策法规司", "中国政府网"])
    elif tmpl == "province":
        ctx["source"] = rng.choice([f"{prov}司法厅", f"{prov}统计局", f"{prov}人民政府办公厅",
                                    f"{src_city}{rng.choice(DEPTS)}"])
    else:
        ctx["source"] = f"{src_city}{rng.choice(DEPTS)}"
    ctx["views"] = rng.randint(37, 98765)

    # related links: other regions, other years
    rel = []
    for _ in range(rng.randint(5, 8)):
        r = rng.choice(others)
        name = rng.choice([r[0], r[1], r[0]])
        y = pick_year(rng, years, 2015, 2025)
        kind = rng.choice(REPORT_KINDS)
        fmt = rng.choice(["{n}{y}年{k}", "{y}年{n}{k}", "{n}关于{y}年{k}", "{n}{y}年度{k}"])
        d = rand_date(rng, min(y + 1, 2026))
        rel.append((fmt.format(n=name, y=y, k=kind), d))
    ctx["related"] = rel
    ctx["related_label"] = rng.choice(["相关链接", "相关文章", "热点推荐", "相关阅读"])

    friends = ["中国政府网"]
    for r in rng.sample(others, min(len(others), rng.randint(4, 7))):
        friends.append(rng.choice([f"{r[0]}人民政府", f"{r[1]}人民政府"]))
    ctx["friends"] = list(dict.fromkeys(friends))

    prev_next = []
    for _ in range(2):
        r = rng.choice(others)
        prev_next.append(f"{r[0]}{pick_year(rng, years, 2016, 2025)}年{rng.choice(REPORT_KINDS)}")
    ctx["prev_next"] = prev_next

    ctx["site_code"] = f"{rng.randint(1100, 6599)}{rng.randint(0, 999999):06d}"
    ctx["icp"] = f"{icp}ICP备{rng.randint(5000000, 25999999):08d}号" + ("" if rng.random() < 0.5 else f"-{rng.randint(1, 9)}")
    ctx["beian"] = f"{icp}公网安备 {rng.randint(11, 65)}{rng.randint(0, 9999):04d}02{rng.randint(0, 999999):06d}号"
    if tmpl == "ministry":
        ctx["addr"] = f"北京市西城区{rng.choice(ROADS)}{rng.randint(1, 199)}号"
        ctx["tel"] = f"010-{rng.randint(5000, 8999)}{rng.randint(0, 9999):04d}"
        ctx["sponsor"] = f"{host}办公厅"
    else:
        base = prov if tmpl == "province" else city
        ctx["addr"] = f"{base if tmpl != 'province' else city}{rng.choice(ROADS)}{rng.randint(1, 399)}号"
        ctx["tel"] = f"{area}-{rng.randint(2000, 8999)}{rng.randint(0, 9999):04d}"
        ctx["sponsor"] = f"{base}人民政府办公{'厅' if tmpl == 'province' else '室'}"
    ctx["section"] = None
    if "法治政府" in text:
        ctx["section"] = rng.choice(["法治政府建设", "法治政府建设年度报告"])
    elif "信息公开" in text:
        ctx["section"] = rng.choice(["政府信息公开年报", "政府信息公开工作年度报告"])
    elif "统计" in text:
        ctx["section"] = rng.choice(["统计数据", "统计公报"])
    else:
        ctx["section"] = rng.choice(["政府工作报告", "重要政策", "工作动态"])
    ctx["share"] = rng.random() < 0.6
    ctx["url_id"] = f"t{pd.strftime('%Y%m%d')}_{rng.randint(1000000, 9999999)}"
    return ctx


# --------------------------------------------------------------------------------------------
# Rendering helpers
# --------------------------------------------------------------------------------------------
E = lambda s: html.escape(s, quote=True)
NAV = ["首页", "政务公开", "政府工作报告", "统计数据", "法治政府", "互动交流"]


def render_body(body, style, rng):
    """Render report body lines.

    style: 'p_indent' | 'p_nbsp' | 'p_span' | 'br'
    """
    sig = signature_indexes(body)
    out = []
    buf_br = []  # for 'br' style
    table = []

    def flush_table():
        if not table:
            return
        ncol = max(len(r) for r in table)
        attrs = rng.choice(['border="1" cellspacing="0" cellpadding="0"',
                            'class="MsoNormalTable" width="100%" border="1"',
                            'style="border-collapse:collapse;width:100%"'])
        rows = []
        for r in table:
            tds = "".join(f"<td>{E(c)}</td>" for c in r)
            if len(r) < ncol:
                tds += "<td></td>" * (ncol - len(r))
            rows.append(f"<tr>{tds}</tr>")
        out.append(f"<table {attrs}><tbody>\n" + "\n".join(rows) + "\n</tbody></table>")
        table.clear()

    def flush_br():
        if buf_br:
            out.append('<div class="content-text">' + "<br>\n".join(buf_br) + "<br>\n</div>")
            buf_br.clear()

    for i, raw in enumerate(body):
        line = raw.strip()
        cells = split_cells(line) if line else None
        if cells is not None:
            flush_br()
            table.append(cells)
            continue
        flush_table()
        if not line:
            if style == "br":
                buf_br.append("")
            continue
        t = E(line)
        if i in sig:
            if style == "br":
                buf_br.append(f'<span style="float:right">{t}</span><span style="clear:both"></span>')
            else:
                out.append(f'<p style="text-align: right;">{t}</p>')
            continue
        if style == "p_indent":
            out.append(f'<p style="text-indent: 2em;">{t}</p>')
        elif style == "p_nbsp":
            out.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{t}</p>")
        elif style == "p_span":
            fs = rng.choice(["16px", "12pt", "16pt"])
            ff = rng.choice(["仿宋_GB2312", "宋体", "微软雅黑"])
            out.append(f'<p style="margin-top:0px;text-indent:2em;line-height:2em">'
                       f'<span style="font-family:{ff};font-size:{fs}">{t}</span></p>')
        else:
            buf_br.append("&nbsp;&nbsp;&nbsp;&nbsp;" + t)
    flush_table()
    flush_br()
    return "\n".join(out)


def stable_id(s):
    return int(hashlib.md5(s.encode("utf-8")).hexdigest()[:7], 16)


def related_items(ctx, with_date=True):
    items = []
    for t, d in ctx["related"]:
        ds = f' <span class="date">{d.isoformat()}</span>' if with_date else ""
        items.append(f'<li><a href="../{d.strftime("%Y%m")}/t{d.strftime("%Y%m%d")}_{stable_id(t)}.html" '
                     f'target="_blank" title="{E(t)}">{E(t)}</a>{ds}</li>')
    return "\n".join(items)


def friends_html(ctx, as_select):
    if as_select:
        opts = "".join(f'<option value="http://www.example.gov.cn/{i}">{E(f)}</option>'
                       for i, f in enumerate(ctx["friends"]))
        return (f'<div class="yqlj"><span>友情链接：</span><select onchange="window.open(this.value)">'
                f'<option>---{E(ctx["friends"][1] if len(ctx["friends"]) > 1 else "政府网站")}---</option>{opts}</select></div>')
    links = " | ".join(f'<a href="#" target="_blank">{E(f)}</a>' for f in ctx["friends"])
    return f'<div class="friend-links"><h4>友情链接</h4><p>{links}</p></div>'


def footer_html(ctx, cls):
    return f"""<div class="{cls}">
<p>主办单位：{E(ctx['sponsor'])}&nbsp;&nbsp;承办单位：{E(ctx['local'])}大数据中心</p>
<p>网站标识码：{ctx['site_code']}&nbsp;&nbsp;<a href="https://beian.miit.gov.cn" target="_blank">{E(ctx['icp'])}</a>&nbsp;&nbsp;<img src="/images/ga.png" alt="">{E(ctx['beian'])}</p>
<p>地址：{E(ctx['addr'])}&nbsp;&nbsp;联系电话：{E(ctx['tel'])}&nbsp;&nbsp;<a href="#">网站地图</a>&nbsp;|&nbsp;<a href="#">联系我们</a></p>
<p><span id="_ideConac"><img src="/images/red.png" alt="党政机关"></span></p>
</div>"""


def share_html(ctx):
    if not ctx["share"]:
        return ""
    return ('<div class="share-bar"><a href="javascript:window.print()">打印</a> '
            '<a href="javascript:window.close()">关闭</a> 分享到：'
            '<a class="wx" href="#">微信</a> <a class="wb" href="#">微博</a></div>')


def search_html(cls):
    return (f'<div class="{cls}"><form action="/search/index.html" method="get" target="_blank">'
            '<input type="text" name="q" placeholder="请输入关键字" value="">'
            '<input type="submit" value="搜索"></form></div>')


def nav_html(cls, item_tag="li"):
    items = "".join(f'<{item_tag}><a href="/{i}/">{n}</a></{item_tag}>' for i, n in enumerate(NAV))
    return f'<ul class="{cls}">{items}</ul>' if item_tag == "li" else f'<div class="{cls}">{items}</div>'


def doc_title(ctx, title):
    if ctx["title_fmt"] == 0:
        return f"{title}_{ctx['host']}"
    return f"{ctx['host']}-{title}"


def title_h(title_lines, tag_open, tag_close):
    return tag_open + "<br>".join(E(t) for t in title_lines) + tag_close


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------
def tpl_city(ctx, title_lines, body_html, charset):
    """Classic TRS-based city/county site (often GBK)."""
    t = " ".join(title_lines)
    w = f'<span class="weather">{E(ctx["weather"])}</span>' if ctx["weather"] else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta charset="{charset}" />
<title>{E(doc_title(ctx, t))}</title>
<meta name="SiteName" content="{E(ctx['host'])}" />
<meta name="ColumnName" content="{E(ctx['section'])}" />
<meta name="PubDate" content="{ctx['pubtime']}" />
<meta name="ContentSource" content="{E(ctx['source'])}" />
<link rel="stylesheet" href="/images/style.css" type="text/css" />
<script type="text/javascript">var _hmt = _hmt || []; var siteName = "{E(ctx['host'])}";</script>
</head>
<body>
<div class="top">
  <div class="top-in"><span class="date">{E(ctx['banner'])}</span>{w}
  <span class="top-r"><a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | <a href="#">繁體</a> | <a href="#">设为首页</a></span></div>
</div>
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="{E(ctx['host'])}" />{E(ctx['host'])}</a></div>
{search_html('search')}
</div>
{nav_html('nav')}
<div class="main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/list/">{E(ctx['section'])}</a></div>
<table width="100%" cellpadding="0" cellspacing="0" border="0" class="layout"><tr><td valign="top">
{title_h(title_lines, '<div class="title">', '</div>')}
<div class="info">发布时间：{ctx['pubdate'].isoformat()}&nbsp;&nbsp;&nbsp;来源：{E(ctx['source'])}&nbsp;&nbsp;&nbsp;浏览次数：<span id="visits">{ctx['views']}</span>&nbsp;&nbsp;&nbsp;字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
<div id="zoom"><div class="TRS_Editor">
{body_html}
</div></div>
<div class="pagebtm">上一篇：<a href="#">{E(ctx['prev_next'][0])}</a><br />下一篇：<a href="#">{E(ctx['prev_next'][1])}</a></div>
{share_html(ctx)}
</td><td width="280" valign="top">
<div class="side"><h3>{ctx['related_label']}</h3><ul>
{related_items(ctx)}
</ul></div>
</td></tr></table>
</div>
{friends_html(ctx, True)}
{footer_html(ctx, 'footer')}
</body>
</html>
"""


def tpl_province(ctx, title_lines, body_html, charset):
    """Modern provincial portal (UTF-8)."""
    t = " ".join(title_lines)
    w = f'<div class="weather">{E(ctx["weather"])}</div>' if ctx["weather"] else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{E(doc_title(ctx, t))}</title>
<meta name="SiteName" content="{E(ctx['host'])}">
<meta name="ArticleTitle" content="{E(t)}">
<meta name="PubDate" content="{ctx['pubtime']}">
<style>.article-content p{{line-height:2;font-size:16px}}</style>
</head>
<body>
<header class="site-header">
  <div class="topbar"><div class="container"><span class="today">{E(ctx['banner'])}</span>{w}
  <a href="#">登录</a> <a href="#">注册</a> <a href="#">English</a></div></div>
  <div class="container brand"><a class="logo" href="/"><span>{E(ctx['host'])}</span></a>
  {search_html('header-search')}</div>
  <nav class="main-nav">{nav_html('nav-list')}</nav>
</header>
<main class="container">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; <span>{E(ctx['section'])}</span></div>
<div class="row">
<article class="col-main">
{title_h(title_lines, '<h1 class="article-title">', '</h1>')}
<div class="article-meta"><span>发布时间：{ctx['pubtime']}</span> <span>来源：{E(ctx['source'])}</span> <span>浏览次数：{ctx['views']}</span> <span class="font-size">字号：[<a>大</a> <a>中</a> <a>小</a>]</span></div>
<div class="article-content" id="UCAP-CONTENT">
{body_html}
</div>
{share_html(ctx)}
</article>
<aside class="col-side">
<section class="related"><h3>{ctx['related_label']}</h3><ul>
{related_items(ctx)}
</ul></section>
</aside>
</div>
</main>
{friends_html(ctx, False)}
<footer class="site-footer">
{footer_html(ctx, 'footer-info')}
</footer>
<script src="/static/js/jquery.min.js"></script>
<script>var pageInfo = {{"site":"{E(ctx['host'])}","pub":"{ctx['pubdate'].isoformat()}"}};</script>
</body>
</html>
"""


def tpl_ministry(ctx, title_lines, body_html, charset):
    """Central ministry site (UTF-8), 'pages_content' container."""
    t = " ".join(title_lines)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{E(doc_title(ctx, t))}</title>
<meta name="keywords" content="{E(ctx['local'])},{E(ctx['section'])}">
<meta name="description" content="{E(t)}">
</head>
<body>
<div class="header">
 <div class="header_top"><span>{E(ctx['banner'])}</span> <a href="#">无障碍</a> <a href="#">English</a></div>
 <div class="logo"><h2>{E(ctx['host'])}</h2><p>Ministry Portal</p></div>
 {search_html('header_search')}
 <div class="nav">{''.join(f'<a href="/{i}/">{n}</a>' for i, n in enumerate(NAV))}</div>
</div>
<div class="w1100">
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="#">{E(ctx['section'])}</a></div>
<div class="pages-title">{title_h(title_lines, '<h1>', '</h1>')}</div>
<div class="pages-date">发布时间：{ctx['pubdate'].isoformat()} &nbsp; 来源：{E(ctx['source'])} &nbsp; 浏览次数：{ctx['views']} &nbsp; 字号：[<a>大</a> <a>中</a> <a>小</a>]</div>
<div class="pages_content" id="UCAP-CONTENT">
{body_html}
</div>
{share_html(ctx)}
<div class="related-box"><div class="related-hd">{ctx['related_label']}</div><ul>
{related_items(ctx, with_date=False)}
</ul></div>
</div>
{friends_html(ctx, False)}
{footer_html(ctx, 'footer')}
</body>
</html>
"""


def tpl_county(ctx, title_lines, body_html, charset):
    """County/district site on TRS UEditor, two-column list layout (GBK or UTF-8)."""
    t = " ".join(title_lines)
    w = f'&nbsp;&nbsp;{E(ctx["weather"])}' if ctx["weather"] else ""
    hot = related_items(ctx, with_date=False)
    return f"""<html>
<head>
<meta charset="{charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{E(doc_title(ctx, t))}</title>
</head>
<body>
<div id="topbar"><div class="wrap"><div class="fl">{E(ctx['banner'])}{w}</div><div class="fr"><a href="#">手机版</a> | <a href="#">政务微博</a> | <a href="#">政务微信</a></div></div></div>
<div id="banner"><div class="wrap"><h1 class="site-name"><img src="/img/guohui.png" alt="">{E(ctx['host'])}</h1>{search_html('ss')}</div></div>
<div id="menu">{nav_html('menu-list', 'span')}</div>
<div class="wrap clearfix">
<div class="crumbs">当前位置：首页 &gt; 政务公开 &gt; {E(ctx['section'])} &gt; 正文</div>
<div class="left-box">
<div class="hot"><div class="hd">热点推荐</div><ul>{hot}</ul></div>
</div>
<div class="right-box">
<div class="detail">
{title_h(title_lines, '<div class="title"><h2>', '</h2></div>')}
<div class="sub-info"><span>发布时间：{ctx['pubtime']}</span><span>来源：{E(ctx['source'])}</span><span>浏览次数：<script>document.write("{ctx['views']}")</script></span><span>字号：[<a>大</a> <a>中</a> <a>小</a>]</span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{body_html}
</div>
{share_html(ctx)}
<div class="xgwz"><b>{ctx['related_label']}：</b>上一篇：{E(ctx['prev_next'][0])}　下一篇：{E(ctx['prev_next'][1])}</div>
</div>
</div>
</div>
{friends_html(ctx, rng_bool(ctx))}
{footer_html(ctx, 'bottom')}
</body>
</html>
"""


def rng_bool(ctx):
    return ctx.get("friends_select", False)


TEMPLATES = {
    "city": (tpl_city, ["p_indent", "p_span"]),
    "province": (tpl_province, ["p_nbsp", "p_indent"]),
    "ministry": (tpl_ministry, ["br", "p_indent"]),
    "county": (tpl_county, ["p_span", "br", "p_nbsp"]),
}


TEMPLATE_WEIGHTS = [0.35, 0.2, 0.15, 0.3]  # city, province, ministry, county


def make_page(path, seed):
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    rng = rng_for(path.name, seed)
    tmpl = rng.choices(list(TEMPLATES), weights=TEMPLATE_WEIGHTS)[0]
    fn, styles = TEMPLATES[tmpl]
    ctx = build_ctx(rng, path.stem, text, tmpl)
    ctx["title_fmt"] = rng.randint(0, 1)
    ctx["friends_select"] = rng.random() < 0.5
    style = rng.choice(styles)
    if tmpl == "city":
        gbk = rng.random() < 0.7
    elif tmpl == "county":
        gbk = rng.random() < 0.3
    else:
        gbk = False
    charset = "gb2312" if gbk else "utf-8"
    title_lines, body = analyse(text)
    if not title_lines:
        title_lines = [neutral_title(text)]
    body_html = render_body(body, style, rng)
    page = fn(ctx, title_lines, body_html, charset)
    data = page.encode("gbk", errors="xmlcharrefreplace") if gbk else page.encode("utf-8")
    return data, tmpl, charset


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    src, dst = Path(a.src), Path(a.dst)
    dst.mkdir(parents=True, exist_ok=True)
    files = sorted(src.glob("*.txt"))
    n = 0
    stats = Counter()
    for f in files:
        data, tmpl, cs = make_page(f, a.seed)
        (dst / (f.stem + ".html")).write_bytes(data)
        stats[f"{tmpl}/{cs}"] += 1
        n += 1
    print(f"wrote {n} pages to {dst}  ({', '.join(f'{k}:{v}' for k, v in sorted(stats.items()))})",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
