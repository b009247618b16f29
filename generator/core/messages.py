"""Every message the notice check can show a clerk, in Chinese, in one place.

A message is a template under a stable code (``notice.period_short``); :func:`say` fills it in. A problem
carries its code (``Problem.code``) so that tests and the in-browser editor can tell checks apart without
parsing the text; the text itself is the contract a clerk reads: it names the field as it is written in the
file (``entries[3].credit_code``), says what was expected and gives an example value.

This module imports nothing outside the standard library: the browser runs it too.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

# What each key of a notice means and an example of its value, as a clerk would type it.
FIELDS: dict[str, tuple[str, str]] = {
    "scheme": ("方案编号", "haizhou-quality-award"),
    "kind": ("公示类型", "acceptance"),
    "title": ("标题", "2026年度海州质量奖申报受理名单公示"),
    "issuer": ("发布机关", "海州区质量发展委员会办公室"),
    "published": ("发布日期", "2026-11-18"),
    "end": ("公示期最后一日", "2026-11-25"),
    "year": ("年度", "2026"),
    "sample": ("是否示例", "false"),
    "body": ("正文段落", "[\"现将……予以公示。\"]"),
    "entries": ("名单", "[{organisation: 示例公司, credit_code: 91320706AY4CL12THY}]"),
    "organisation": ("组织名称", "连云港示例精密机械有限公司"),
    "credit_code": ("统一社会信用代码", "91320706AY4CL12THY"),
    "tier": ("奖项或等级", "award"),
    "sector": ("行业类别", "manufacturing"),
    "parent": ("母公司", "示例控股集团有限公司"),
    # No scheme's own exception here: this example is shown for every scheme (their messages name their own).
    "outside_area_reason": ("区外组织的依据", "位于方案条款允许的区外区域（写明条款）"),
    "note": ("备注", "更名前为示例有限公司"),
    "objections": ("异议受理", "{receiver: 区质量发展委员会办公室, phone: \"0518-85551234\"}"),
    "receiver": ("受理异议的单位", "区质量发展委员会办公室"),
    "text": ("异议说明", "对公示名单有异议的，请在公示期内实名书面提出。"),
    "phone": ("电话号码", "\"0518-85551234\""),
    "email": ("电子邮箱", "zlb@example.gov.cn"),
    "address": ("地址", "连云港市海州区示例路1号"),
    "attachments": ("附件", "[{title: 汇总表, file: 2026-11-18-summary.pdf}]"),
    "file": ("附件文件名", "2026-11-18-summary.pdf"),
    "corrections": ("更正记录", "[{date: 2026-11-20, reason: 名称录入有误, changes: 将“甲”更正为“乙”}]"),
    "date": ("日期", "2026-11-20"),
    "reason": ("更正原因", "名称录入有误"),
    "changes": ("更正内容", "将“甲”更正为“乙”"),
    "minor": ("是否文字更正", "true"),
}

# Keys a clerk may write for a known one: English spellings, and the Chinese names of the fields.
ALIASES: dict[str, str] = {
    "organization": "organisation", "org": "organisation", "name": "organisation", "company": "organisation",
    "组织": "organisation", "组织名称": "organisation", "名称": "organisation", "单位": "organisation",
    "企业": "organisation", "企业名称": "organisation", "单位名称": "organisation",
    "code": "credit_code", "uscc": "credit_code", "creditcode": "credit_code", "credit": "credit_code",
    "信用代码": "credit_code", "统一社会信用代码": "credit_code", "社会信用代码": "credit_code",
    "level": "tier", "award": "tier", "奖项": "tier", "等级": "tier",
    "industry": "sector", "行业": "sector", "母公司": "parent", "备注": "note", "notes": "note",
    "电话": "phone", "联系电话": "phone", "tel": "phone", "telephone": "phone", "mobile": "phone",
    "邮箱": "email", "电子邮箱": "email", "mail": "email", "e-mail": "email", "地址": "address",
    "受理单位": "receiver", "受理部门": "receiver", "异议受理": "objections", "异议": "objections",
    "objection": "objections", "标题": "title", "发布机关": "issuer", "publisher": "issuer",
    "发布日期": "published", "publish": "published", "publication": "published", "date_published": "published",
    "结束日期": "end", "截止日期": "end", "end_date": "end", "deadline": "end", "ends": "end",
    "年度": "year", "方案": "scheme", "类型": "kind", "type": "kind", "正文": "body", "名单": "entries",
    "entry": "entries", "list": "entries", "附件": "attachments", "attachment": "attachments",
    "更正": "corrections", "correction": "corrections", "文件": "file", "filename": "file",
}

MESSAGES: dict[str, str] = {
    # --- reading the file (yamlload.py) -----------------------------------------------------------------------
    "file.missing": "文件不存在",
    "file.symlink": "是符号链接：数据文件必须是仓库中的普通文件",
    "file.not_file": "不是普通文件（可能是以 .yaml 结尾的文件夹）",
    "file.encoding": "不是 UTF-8 编码的文本：请用 UTF-8 保存（记事本：另存为，编码选 UTF-8）",
    "file.unreadable": "无法读取此文件：请检查文件权限",
    "file.too_big": "文件大于 {kib} KiB：公示文件只写文字，表格和扫描件请作为附件放在同一文件夹",
    "yaml.format_char": "含有不可见的格式字符 U+{code}（{what}）：它会让文字显示得与实际内容不同，请删除它"
                        "（常来自从网页或其他软件粘贴的文字）",
    "yaml.control_char": "含有不可见的控制字符 U+{code}：请删除它（可能来自转义序列如 \"\\e\" 或从其他软件粘贴的文字）",
    "yaml.alias": "不支持 YAML 锚点与别名（& 与 *）：请把内容直接写出来",
    "yaml.too_deep": "嵌套超过 {limit} 层：公示文件只需要两三层，例如 entries 下每一项写成 "
                     "- {{organisation: 示例公司, credit_code: 91320706AY4CL12THY}}",
    "yaml.duplicate_key": "键 {key!r} 重复出现（第{first}行已有）：同一层的每个键只能写一次，请删去或合并其中一个",
    "yaml.key_not_scalar": "键必须是简单的文字或数字，不能是列表或映射：例如 title: 标题",
    "yaml.bad_date": "日期 {value} 不存在：请写成实际存在的日期，例如 2026-02-28",
    "yaml.number_too_big": "数字 {start}…（{digits} 位）太大：数据中的数字最多 {limit} 位。如果这是编号或代码，"
                           "请加引号写成文字，例如 \"{start}\"",
    "yaml.number_not_finite": "数字 {value} 不是有限的数：请写出实际的数，例如 2026",
    "yaml.tag": "不支持 YAML 标记 {tag}：请删去以 ! 开头的部分，直接写出内容，例如 title: 标题",
    "yaml.fullwidth_colon": "YAML 语法错误：{key} 后面的冒号是全角的“：”。冒号应为半角 `:`，并在其后加一个空格，"
                            "例如 {key}: {value}",
    "yaml.colon_space": "YAML 语法错误：{key} 后面的冒号后缺少空格。冒号应为半角 `:`，并在其后加一个空格，"
                        "例如 {key}: {value}",
    "yaml.tab": "YAML 语法错误：这一行用 Tab 缩进。缩进请用空格，不要用 Tab（下一层比上一层多缩进两个空格）",
    "yaml.unclosed_quote": "YAML 语法错误：这一行的引号 {quote} 没有闭合，文字末尾缺少另一个 {quote}，"
                           "例如 title: {quote}2026年度公示{quote}",
    "yaml.unclosed_flow": "YAML 语法错误：这一行的 {open} 没有对应的 {close}，或其中两项之间缺少半角逗号“,”："
                          "例如 {example}",
    "yaml.colon_in_value": "YAML 语法错误：{key} 的值中含有“: ”（冒号加空格），会被当成新的键。"
                           "请给整个值加引号，例如 {key}: \"{value}\"",
    "yaml.indent": "YAML 语法错误：缩进不对：这一行与同一层的键或列表项没有对齐。同一层用相同数量的空格缩进，"
                   "下一层比上一层多缩进两个空格，例如 objections: 下一行写“  receiver: 区质量发展委员会办公室”",
    "yaml.list_item": "YAML 语法错误：列表的每一项应以“- ”（减号加空格）开头，并与上一项对齐，"
                      "例如 - {{organisation: 示例公司, credit_code: 91320706AY4CL12THY}}",
    "yaml.text_after_quote": "YAML 语法错误：引号结束后还有文字：请把整个值放在一对引号里，"
                             "或者不加引号，例如 title: 2026年度“质量奖”公示",
    "yaml.bad_start": "YAML 语法错误：值不能以 {char} 开头：请给整个值加引号，例如 {key}: \"{char}……\"",
    "yaml.documents": "YAML 语法错误：一个文件只能写一份公示：请删去这一行的 --- 及其后的内容，另存为一个文件",
    "yaml.escape": "YAML 语法错误：双引号中的反斜杠 \\ 开始了无效的转义：请改用单引号，或删去反斜杠",
    "yaml.syntax": "YAML 语法错误：这一行第 {column} 个字符附近格式不对：请检查冒号（半角并后加空格）、"
                   "引号和括号是否成对、缩进是否对齐，例如 title: 2026年度公示",
    "yaml.unreadable_char": "含有无法识别的字符 U+{code}：请删除它，或从原文重新输入",
    # --- the file as a whole (load/notices.py) ------------------------------------------------------------------
    "notice.empty": "文件是空的：请用 python -m generator new-notice 生成公示文件后再填写，"
                    "第一行例如 scheme: haizhou-quality-award",
    "notice.not_mapping": "文件顶层应为“键: 值”的映射，每行一项，例如 scheme: haizhou-quality-award",
    "notice.location": "公示文件应位于 public_lists/<方案>/<年度>/ 下，"
                       "例如 public_lists/haizhou-quality-award/2026/2026-11-18-acceptance.yaml",
    "notice.extension": "扩展名应为 .yaml（小写），否则不会发布：请改名为 {stem}.yaml",
    "notice.symlink": "是符号链接：public_lists 中只能有普通文件和文件夹",
    "notice.path_scheme": "scheme：文件夹 {folder} 与 scheme: {scheme} 不一致：应放在 {example}",
    "notice.path_year": "published：年度文件夹 {folder} 与公示的年度 {year} 不一致"
                        "（year，缺省为发布日期的年份）：应放在 {example}",
    "notice.path_name": "published：文件名 {name!r} 不合规定：应为“发布日期-类型”，与 published、kind 一致，"
                        "可再加“-说明”，说明只用小写英文字母和数字、以“-”连接（文件名就是网址，不能有空格和中文）："
                        "请改名为 {proposed}",
    # --- the scheme's rules -------------------------------------------------------------------------------------
    "notice.unknown_scheme": "scheme：没有方案 {scheme!r}{suggest}应为以下之一：{schemes}，例如 scheme: {example}",
    "notice.by_applicant": "kind：{label}由申报组织在本组织内部发布，不在本门户发布；公示期可用 "
                           "python -m generator notice-period --scheme {scheme} --kind {kind} 计算",
    "notice.kind_not_in_scheme": "kind：{scheme_name}的规则中没有“{label}”（{kind}）这类公示。"
                                 "该方案的公示类型为：{kinds}，例如 kind: {example}",
    "notice.holidays_unknown": "published：{why}，无法按规则（{rule}，发布当日不计入）计算公示期，公示不能发布："
                               "请先把国务院办公厅关于{year}年部分节假日安排的通知添加为 holidays/{year}.yaml"
                               "（写法见“发布公示”页面），再检查；自己写 end 不能代替",
    "notice.period_short": "end：公示期短于规则要求：{scheme}{title}{rule}（{clause}，发布当日不计入）；"
                           "发布日期 {published}，最后一日应不早于 {required}，现为 {end}。"
                           "请改为 end: {required}，或删去 end 由程序计算",
    "notice.period_long": "end：公示期长于规则规定：{scheme}{title}{rule}（{clause}，发布当日不计入）；"
                          "发布日期 {published}，最后一日应为 {required}，现为 {end}。"
                          "请改为 end: {required}，或删去 end 由程序计算",
    "notice.end_before_published": "end：公示期最后一日 {end} 早于发布日期 {published}：应晚于发布日期，"
                                   "例如 end: {example}，或删去 end 由程序计算",
    "notice.date_range": "{field}：日期 {value} 超出可用范围：应在 {earliest} 至 {latest} 之间，例如 {key}: {example}",
    # --- entries ------------------------------------------------------------------------------------------------
    "notice.code_empty": "{field}：{organisation}缺少统一社会信用代码：请照营业执照填写 18 位代码，"
                         "例如 credit_code: 91320706AY4CL12THY",
    "notice.code_length": "{field}：统一社会信用代码 {code} 有 {length} 位，应为 18 位：请对照营业执照核对，"
                          "例如 credit_code: 91320706AY4CL12THY",
    "notice.code_head": "{field}：统一社会信用代码 {code} 的前 8 位应为数字（登记管理部门代码、机构类别代码和"
                        "行政区划码），现为 {head}：请对照营业执照核对，例如 credit_code: 91320706AY4CL12THY",
    "notice.code_chars": "{field}：统一社会信用代码 {code} 含有不允许的字符 {chars}：代码只用数字和大写字母"
                         "（不用 I、O、Z、S、V），请对照营业执照核对，例如 credit_code: 91320706AY4CL12THY",
    "notice.code_checksum": "{field}：统一社会信用代码 {code} 的最后一位（校验码）不符：若前 17 位无误，"
                            "最后一位应为 {check}。请对照营业执照逐位核对，常见错误是 0 与 D、1 与 L、8 与 B 混淆",
    "notice.code_duplicate": "{field}：统一社会信用代码 {code} 在名单中出现 {count} 次（第 {lines} 行）："
                             "同一组织只能列一次，请删去重复的一项",
    "notice.code_area": "{field}：{organisation}的统一社会信用代码 {code} 第 3 至 8 位（登记地行政区划码）为 {area}，"
                        "不在{area_name}（代码以 {prefixes} 开头）：请核对代码；{scheme}的规则只允许以下区外组织："
                        "{exceptions}，属于的请写明，例如 outside_area_reason: {example}",
    "notice.code_area_closed": "{field}：{organisation}的统一社会信用代码 {code} 第 3 至 8 位（登记地行政区划码）为 "
                               "{area}，不在{area_name}（代码以 {prefixes} 开头）：{scheme}的规则没有允许区外组织的"
                               "条款（{clause}：{quote}），{reason}请核对代码，区外组织不能列入",
    "notice.area_reason_unknown": "{field}：区外依据 {reason!r} 不是{scheme}规则允许的区外情形：只允许{exceptions}，"
                                  "例如 outside_area_reason: {example}；否则请核对统一社会信用代码",
    "notice.tier_unknown": "{field}：{scheme}没有奖项或等级 {tier!r}{suggest}应为以下之一：{tiers}，"
                           "例如 tier: {example}",
    "notice.tier_missing": "{field}：{label}的每一项都要写奖项或等级 tier，{organisation}缺少：可选 {tiers}，"
                           "例如 tier: {example}",
    "notice.cap": "entries：{tier}（{tier_id}）共 {count} 家，超过名额上限 {cap} 家（{clause}）：请删去多出的 "
                  "{excess} 家，或核对每一项的 tier",
    "notice.parent": "{field}：{count} 家组织的母公司都是 {parent!r}（第 {lines} 行），而同一母公司的子公司最多推荐"
                     "一家（{clause}）：请只保留一家",
    # --- objections, attachments, personal data, corrections -----------------------------------------------------
    "notice.objections_missing": "objections：缺少异议受理。{title}（{clause}）须告诉公众向谁、如何提出异议，"
                                 "例如 objections: {{receiver: 区质量发展委员会办公室, phone: \"0518-85551234\"}}",
    "notice.objections_missing_portal": "objections：缺少异议受理。{label}是向公众公开的名单，本门户要求写明向谁、如何"
                                        "提出异议（{title}（{clause}）本身未规定异议程序），例如 objections: "
                                        "{{receiver: 区质量发展委员会办公室, phone: \"0518-85551234\"}}",
    "notice.objections_receiver": "objections.receiver：缺少受理异议的单位，例如 receiver: 区质量发展委员会办公室",
    "notice.objections_contact": "{field}：异议受理方式至少填写 phone（电话）、email（电子邮箱）、address（地址）"
                                 "中的一项，例如 phone: \"0518-85551234\"",
    "notice.phone": "{field}：电话号码格式不对，应为 7 至 15 位数字和连字符，例如 \"0518-85551234\"",
    "notice.email": "{field}：电子邮箱格式不对，应为“名称@域名”，例如 email: zlb@example.gov.cn",
    "notice.personal_id": "{field}：含有未遮挡的身份证号 {start}…：公示不得公开个人信息，请删除或遮挡，"
                          "例如 35*************123",
    "notice.personal_mobile": "{field}：含有未遮挡的手机号码 {start}…：公示不得公开个人信息，请改用办公电话或遮挡，"
                              "例如 138****1234",
    "notice.phone_mobile": "{field}：{start}… 是手机号码：异议电话随公示公开，请填写单位的办公电话（带区号），"
                           "例如 phone: \"0518-85551234\"",
    "notice.attachment_name": "{field}：附件文件名 {name!r} 不可用：附件须与公示文件放在同一文件夹，文件名不含路径，"
                              "只用小写英文字母和数字，词之间用“-”连接，再加扩展名（文件名就是网址，不能有空格和中文）："
                              "请把文件改名为 {proposed}，并写 file: {proposed}",
    "notice.attachment_type": "{field}：附件类型 .{ext} 不允许：只能发布 {allowed} 文件，"
                              "例如 file: 2026-11-20-summary.pdf",
    "notice.attachment_missing": "{field}：附件 {name!r} 不在此公示文件所在的文件夹中：请把文件放在公示文件旁边，"
                                 "或改正文件名（大小写也要一致）",
    "notice.attachment_symlink": "{field}：附件 {name!r} 是符号链接：请把文件本身放在公示文件旁边",
    "notice.attachment_not_file": "{field}：附件 {name!r} 不是普通文件（可能是文件夹）：请放入文件本身",
    "notice.attachment_hardlink": "{field}：附件 {name!r} 是硬链接（同一文件有 {links} 个名字，"
                                  "可能指向仓库以外的文件）：请放入文件本身的副本",
    "notice.attachment_too_big": "{field}：附件 {name!r} 大于 {mib} MiB：请压缩或拆分后再发布",
    "notice.attachment_content": "{field}：附件 {name!r} 的内容不是 {label}：请检查文件是否损坏或扩展名是否正确",
    "notice.attachment_encoding": "{field}：附件 {name!r} 的内容不是 {label}：请另存为 UTF-8 编码（Excel：另存为"
                                  "“CSV UTF-8”）",
    "notice.attachment_pdf_scanned": "{field}：附件 {name!r} 第 {pages}{more} 页读不出文字（可能是扫描件或图片）："
                                     "扫描的名单无法检查是否含有个人信息，请附上可复制文字的版本（由 Word、WPS 等"
                                     "直接导出的 PDF，或 .docx、.xlsx、.csv 文件）",
    "notice.attachment_pdf_encrypted": "{field}：附件 {name!r} 是加密的 PDF，读不出文字，无法检查是否含有个人信息："
                                       "请附上未加密、可复制文字的版本",
    "notice.attachment_old_office": "{field}：附件 {name!r} 是旧版 .{old} 文件，无法读取其文字检查是否含有个人信息："
                                    "请另存为 .{new} 再发布，例如 file: 2026-11-20-summary.{new}",
    "notice.attachment_unpacked": "{field}：附件 {name!r} 解压后大于 {mib} MiB，不像普通文档：请检查文件，"
                                  "或拆分后再发布",
    "notice.attachment_personal": "{field}：附件 {name!r} 含有未遮挡的{what} {start}…：公示不得公开个人信息，"
                                  "请删除或遮挡后再发布，例如 {masked}",
    "notice.attachment_duplicate": "{field}：附件 {name!r} 重复列出：每个附件只列一次",
    "notice.correction_future": "{field}：更正日期 {date} 晚于今天（{today}）：只能记录已经作出的更正，"
                                "例如 date: {today}",
    "notice.correction_early": "{field}：更正日期 {date} 早于公示的发布日期 {published}：更正只能在发布之后，"
                               "例如 date: {published}",
    # --- types and keys, from the model's validation (load/problems.py) -----------------------------------------
    "key.unknown": "{field}：没有 {key} 这一项{suggest}这里可以写：{known}",
    "key.unknown_fold": "{field}：没有 {key} 这一项，您是不是要写 `{suggestion}`？（{suggestion} 必须填写，"
                        "目前缺少）例如 {suggestion}: {example}",
    "key.colon_in_key": "{field}：键 {key!r} 中含有冒号：冒号应为半角 `:`，并在其后加一个空格，"
                        "例如 {suggestion}: {example}",
    "key.missing": "{field}：缺少必填项 {key}{named}，例如 {key}: {example}",
    "type.string": "{field}：{label}应为文字{detail}，例如 {key}: {example}",
    "type.blank": "{field}：{label}不能为空，例如 {key}: {example}",
    "type.int": "{field}：{label}应为整数（不加引号），例如 {key}: {example}",
    "type.int_range": "{field}：{label} {value} 超出范围：应{bound}，例如 {key}: {example}",
    "type.bool": "{field}：{label}只能写 true 或 false（不加引号），例如 {key}: {example}",
    "type.date": "{field}：{label}应为“年-月-日”格式的日期{detail}，例如 {key}: {example}",
    "type.list": "{field}：{label}应为列表，每项一行、以“- ”开头，例如 {key}: {example}",
    "type.mapping": "{field}：应为“键: 值”的映射，例如 {example}",
    "type.choice": "{field}：{value!r} 不是可用的{label}{suggest}应为以下之一：{choices}，例如 {key}: {example}",
    "type.pattern": "{field}：{label}格式不对：{rule}，例如 {key}: {example}",
    "type.length": "{field}：{label}的长度不对：应{rule}，例如 {key}: {example}",
    "type.too_long": "{field}：{label}太长：最多 {limit} 个字，现为 {length} 个字。请删去多余的文字"
                     "（长的说明请放在附件中），例如 {key}: {example}",
    "type.too_many": "{field}：{label}最多 {limit} 项，现为 {count} 项：请分成几份公示，或把完整名单作为附件",
    "type.invalid": "{field}：{label}的值不对，例如 {key}: {example}",
    # --- the ledger of published notices (load/ledger.py) --------------------------------------------------------
    "ledger.not_file": "ledger.json 必须是普通文件：请从已发布的版本恢复（git checkout -- public_lists/ledger.json）",
    "ledger.unreadable": "无法读取 ledger.json（不是 UTF-8 文本或没有读取权限）：请从已发布的版本恢复",
    "ledger.json": "ledger.json 不是有效的 JSON（第 {line} 行第 {column} 列附近）：请从已发布的版本恢复，不要手工编辑",
    "ledger.format": "ledger.json 的格式应为 {{\"version\": 1, \"sealed\": {{\"public_lists/…yaml\": "
                     "{{\"sha256\": \"…\", \"corrections\": [\"…\"]}}}}}}{which}：请用 python -m generator seal 生成，"
                     "不要手工编辑",
    "ledger.no_ref": "无法从 git 读取 {ref} 的 ledger.json：没有这个版本（--ledger-base 应为已发布的分支或提交）",
    "ledger.git": "无法从 git 读取 {ref} 的 ledger.json：git 无法运行，请确认已安装 git 且这是一个 git 仓库",
    "ledger.base_format": "{ref} 的 ledger.json 格式不对：请确认 --ledger-base 指向已发布的分支",
    "ledger.deleted": "此公示已发布并封存，文件却被删除：已发布的公示只能更正，不能删除，请恢复此文件",
    "ledger.rewritten": "corrections：已封存的更正记录被改写或删除：更正是已发布内容的一部分，"
                        "只能在 corrections 末尾追加新的更正",
    "ledger.changed": "此公示已发布并封存，内容被修改却未记录更正：请在 corrections 末尾追加一条，逐项写明改了什么，"
                      "例如 - {{date: {today}, reason: 名称录入有误, changes: 更正第1项名称, "
                      "edits: [{{field: 第1项 名称, old: 甲, new: 乙}}]}}",
    "ledger.entry_deleted": "ledger.json 中已发布公示 {path} 的封存记录被删除：请从已发布的版本恢复",
    "ledger.forged": "ledger.json 中 {path} 的封存记录与公示内容不符：封存记录只能由 python -m generator seal 写入",
    "notice.withdrawn_early": "withdrawn.date：撤回日期 {date} 早于发布日期 {published}：应为实际撤回的日期，"
                              "不早于发布日期，例如 date: {published}",
    "notice.withdrawn_future": "withdrawn.date：撤回日期 {date} 晚于今天（{today}）：只能记录已经作出的撤回，"
                               "例如 date: {today}",
    "ledger.withdrawal_changed": "withdrawn：已封存的撤回记录不能修改或删除（原为 {old}）：撤回的公示不能恢复，"
                                 "需要时请发布新的公示",
    "ledger.withdrawal_backdated": "withdrawn.date：撤回日期 {date} 早于此公示封存的日期 {sealed_on}："
                                   "请写实际撤回的日期，例如 date: {today}",
    "ledger.unlisted": "{field}：已发布的公示此项由“{old}”改为“{new}”，但没有哪条更正列出这一修改："
                       "请在 corrections 末尾的新更正中写明，例如 - {{date: {today}, reason: 原因, changes: 说明, "
                       "{example}}}",
    "ledger.identity": "{key}：已发布公示的{field}不能修改（由“{old}”改为“{new}”）：请恢复原值；"
                       "要撤下公示，请写 withdrawn: {{date: …, reason: …}}",
    "ledger.identity_edit": "corrections：{field}是已发布公示的身份，不能更正",
    "ledger.backdated": "date：更正日期 {date} 早于此公示封存（发布）的日期 {sealed_on}：更正只能在发布以后作出，"
                        "请写实际更正的日期（{sealed_on} 至 {today} 之间），例如 date: {today}",
    "ledger.no_edits": "corrections：新的更正须用 edits 逐项列出改了什么，例如 "
                       "edits: [{{field: 第1项 名称, old: 原名称, new: 新名称}}]",
    "ledger.edit_field": "field：不认识要更正的项“{field}”：应写如 第5项 名称、"
                         "第5项 统一社会信用代码、第5项 奖项或等级、第5项（整项增删）、公示期最后一日、标题、"
                         "正文第2段、异议电话、附件第1项 文件",
    "ledger.edit_old": "old：{field}在更正前是“{current}”，而这里写的原值是“{old}”：请照已发布的内容写原值",
    "ledger.minor_fact": "minor：文字更正（minor: true）只能改标题、正文、异议说明和备注的文字，而这条改了{field}："
                         "请删去 minor: true，按更正发布（页面顶部提示，订阅源推送）",
    "ledger.no_base": "此公示已发布并封存，内容有修改：要核对更正，需要已发布的版本，但这里不是 git 仓库"
                      "（或没有 --ledger-base）：请在门户的 git 仓库中检查",
    "ledger.base_mismatch": "{ref} 中此公示的文件与 ledger.json 的封存记录不符，无法取得封存时的版本："
                            "请确认 --ledger-base 指向已发布的分支",
    # --- scheme area codes (GB/T 2260, from the pinned division table) ---------------------------------------------
    "scheme.number_unquoted": "{key}：{value} 不在本项的引文中（{clause}：“{quote}”）：规则用到的每个数字（年数、家数、"
                              "名额、分值、权重、天数、金额）都应出现在引文里，阿拉伯数字或中文数字均可（如 3年、三年、"
                              "5个工作日、50万元）。请按原文改正数字，或引用写明该数字的原文；由其他数字推算的，请在 "
                              "derived_numbers 中写明，例如 derived_numbers: [{{at: {key}, value: {value}, why: 各部分"
                              "分值之和, cite: {{clause: …, quote: …}}}}]",
    "scheme.number_no_quote": "{key}：{value} 没有引文可以核对：请为本项加上 cite（条款和原文），或在 "
                              "derived_numbers 中写明其依据，例如 derived_numbers: [{{at: {key}, value: {value}, "
                              "why: …, cite: {{clause: …, quote: …}}}}]",
    "scheme.number_derived_value": "{key}：{value} 与 derived_numbers 中写明的 {derived} 不同：请核对数字",
    "scheme.number_derived_unused": "derived_numbers：{at} 不是本方案中的数字位置：请删去或改正，例如 at: "
                                    "scoring.total_points",
    "scheme.area_unknown": "{key}：{prefix} 不是 GB/T 2260 行政区划代码（2 位省、4 位市或 6 位县级代码，"
                           "按国家标准的区划表查无此区划）：应为本方案地区的代码，例如 {example}",
    "scheme.area_other": "{key}：代码 {prefix} 是“{name}”，不是本方案的地区“{area}”：请核对地区代码",
    "scheme.area_outside": "{key}：代码 {prefix}（{name}）不在本方案的地区“{area}”（代码以 {prefixes} 开头）之内："
                           "规则中的地区应为本方案地区或其下的区划",
    # --- holiday schedules (holidays/<year>.yaml) -----------------------------------------------------------------
    "holidays.file_name": "year：文件名 {name} 与年度 {year} 不符：一年的节假日安排写在 holidays/{year}.yaml 中",
    "holidays.title_year": "title：标题应写明年度，例如 title: 国务院办公厅关于{year}年部分节假日安排的通知",
    "holidays.number": "number：文号 {number} 不是国务院办公厅通知的写法，应如 number: {example}"
                       "（测试用的虚构安排写 fixture: true）",
    "holidays.issued": "issued：通知日期 {issued} 不在 {year} 年及其上一年之内："
                       "应为通知落款的日期（通常在上一年的秋季）",
    "holidays.outside_year": "{name}：日期 {day} 不在 {year} 年内（只有元旦可以从上一年 12 月 25 日以后开始）",
    "holidays.range_order": "{name}：放假最后一天 last: {last} 早于第一天 first: {first}",
    "holidays.work_weekday": "{name}：调休上班日 {day} 是星期{weekday}，本来就要上班：调休上班日只能是周六或周日",
    "holidays.work_in_rest": "{name}：调休上班日 {day} 落在放假期间 {first} 至 {last} 之内",
    "holidays.overlap": "{name}：{day}（{what}）与“{other}”的{other_what}重叠：同一天只能有一种安排",
    "holidays.quote_no_rest": "{name}：quote 中没有找到放假的日期：请照抄通知原文，"
                              "例如 quote: 一、元旦：1月1日（周五）至3日（周日）放假，共3天。",
    "holidays.quote_rest": "{name}：quote 写的是 {said_first} 至 {said_last} 放假，而 first/last 是 {first} 至 {last}："
                           "请对照通知原文改正其中之一",
    "holidays.quote_count": "{name}：quote 写“共{count}天”，而 {first} 至 {last} 是 {days} 天",
    "holidays.quote_work": "{name}：quote 中的调休上班日是 {said}，而 work 列出的是 {listed}：请对照通知原文改正",
    "holidays.quote_weekday": "{name}：quote 写 {day} 是周{said}，实际是周{actual}：请核对原文和日期",
    "holidays.library_disagrees": "holidays：{year} 年 chinesecalendar 也已收录，两者有 {count} 天不一致："
                                  "{days}：请核对通知原文",
    "holidays.not_file": "holidays/ 中只能有普通文件（不能是符号链接或文件夹）",
    "holidays.not_yaml": "{name}：holidays/ 中只放各年度的 <年份>.yaml（和 README.md）",
    "holidays.fixture_production": "fixture：这是测试用的虚构节假日安排（fixture: true），"
                                   "不能用于正式发布（build --production）：请换成国务院办公厅公布的通知",
    "holidays.missing_warning": "提醒：{year}年的国务院节假日安排尚未收录（chinesecalendar 收录 {library} 年，"
                                "holidays/ 中也没有 {year}.yaml）：公示期涉及该年的工作日时无法计算，公示会被拒绝。"
                                "国务院办公厅公布该年的安排后，请按“发布公示”页面的说明添加 holidays/{year}.yaml"
                                "（今天是 {today}）",
    "notice.scheduled": "提醒：发布日期 {published} 晚于今天（{today}）：此公示将于 {published} 发布，"
                        "在此之前不会出现在网站、搜索和订阅源中",
}

_CJK = re.compile(r"[\u4e00-\u9fff]")


def say(code: str, /, **values: Any) -> str:
    """The message ``code`` with ``values`` filled in."""
    return MESSAGES[code].format(**values)


def is_chinese(text: str) -> bool:
    """Whether ``text`` is a Chinese message (has CJK characters)."""
    return bool(_CJK.search(text))


def field_path(loc: tuple[Any, ...]) -> str:
    """A location as the keys of the file name it: ``entries[3].credit_code``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def label(key: Any) -> str:
    """The Chinese name of a key (the key itself when it has none)."""
    return FIELDS[key][0] if key in FIELDS else str(key)


def example(key: Any) -> str:
    """An example value of a key, as written in YAML."""
    return FIELDS[key][1] if key in FIELDS else "……"


def suggest(word: str, known: list[str] | tuple[str, ...]) -> str | None:
    """The known key or value ``word`` most likely stands for: an alias, or the closest spelling."""
    if not known:
        return None
    lowered = {k.lower(): k for k in known}
    text = str(word).strip().lower()
    alias = ALIASES.get(text) or ALIASES.get(text.replace(" ", "_"))
    if alias in known:
        return alias
    if text in lowered:
        return lowered[text]
    found = difflib.get_close_matches(text.replace("-", "_").replace(" ", "_"), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def did_you_mean(word: str, known: list[str] | tuple[str, ...]) -> str:
    """``，您是不是要写 `x`？`` when a known word is close, else ``。``."""
    found = suggest(word, known)
    return f"，您是不是要写 `{found}`？" if found and found != word else "。"
