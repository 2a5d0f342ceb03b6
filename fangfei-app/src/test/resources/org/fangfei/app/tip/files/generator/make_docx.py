#!/usr/bin/env python3
"""Build report.docx by hand (python3 standard library only).

Layout and markup are modelled on what Word 2016+ writes for a document
with tracked changes, a comment, a picture, a hyperlink, custom XML and
custom properties. Usage: make_docx.py IMAGE.jpg OUT.docx
"""
import sys
import zipfile
import xml.dom.minidom

NAME = '王小明'
PINYIN = 'wangxiaoming'
PHONE = '13912345678'
DATE = '2024-05-01T10:20:00Z'

# Namespace URIs are fixed identifiers required by the OOXML formats.
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
W14 = 'http://schemas.microsoft.com/office/word/2010/wordml'
W15 = 'http://schemas.microsoft.com/office/word/2012/wordml'
WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'
WP14 = 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing'
A = 'http://schemas.openxmlformats.org/drawingml/2006/main'
PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture'
M = 'http://schemas.openxmlformats.org/officeDocument/2006/math'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.'

HDR = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
WNS_BASE = (f'xmlns:mc="{MC}" xmlns:r="{R}" xmlns:w="{W}" xmlns:w14="{W14}" '
            f'xmlns:w15="{W15}"')
WNS = WNS_BASE + ' mc:Ignorable="w14 w15"'

RSID_ROOT, RSID_2, RSID_3 = '00A1B2C3', '00D4E5F6', '0012AB34'

content_types = HDR + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{CT}document.main+xml"/>'
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{CT}styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{CT}settings+xml"/>'
    f'<Override PartName="/word/webSettings.xml" ContentType="{CT}webSettings+xml"/>'
    f'<Override PartName="/word/comments.xml" ContentType="{CT}comments+xml"/>'
    f'<Override PartName="/word/commentsExtended.xml" ContentType="{CT}commentsExtended+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{CT}fontTable+xml"/>'
    f'<Override PartName="/word/people.xml" ContentType="{CT}people+xml"/>'
    '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    '</Types>')

root_rels = HDR + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId4" Type="{REL}/custom-properties" Target="docProps/custom.xml"/>'
    '</Relationships>')

EVIDENCE = 'file:///C:/Users/wangxiaoming/Desktop/证据.xlsx'
TEMPLATE = 'file:///C:/Users/wangxiaoming/AppData/Roaming/Microsoft/Templates/Normal.dotm'

doc_rels = HDR + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId8" Type="{REL}/image" Target="media/image1.jpeg"/>'
    f'<Relationship Id="rId3" Type="{REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId1" Type="{REL}/customXml" Target="../customXml/item1.xml"/>'
    f'<Relationship Id="rId6" Type="{REL}/comments" Target="comments.xml"/>'
    f'<Relationship Id="rId11" Type="{REL}/theme" Target="theme/theme1.xml"/>'
    f'<Relationship Id="rId5" Type="{REL}/hyperlink" Target="{EVIDENCE}" TargetMode="External"/>'
    f'<Relationship Id="rId10" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>'
    f'<Relationship Id="rId4" Type="{REL}/webSettings" Target="webSettings.xml"/>'
    f'<Relationship Id="rId9" Type="{REL}/fontTable" Target="fontTable.xml"/>'
    '</Relationships>')

settings_rels = HDR + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" Target="{TEMPLATE}" TargetMode="External"/>'
    '</Relationships>')

# 320x240 px at 96 dpi -> 9525 EMU per pixel
CX, CY = 320 * 9525, 240 * 9525

def p_open(para_id, rsid=RSID_ROOT):
    return (f'<w:p w14:paraId="{para_id}" w14:textId="77777777" '
            f'w:rsidR="{rsid}" w:rsidRDefault="{rsid}">')

document = HDR + (
    f'<w:document {WNS_BASE} xmlns:m="{M}" xmlns:wp="{WP}" '
    f'xmlns:wp14="{WP14}" mc:Ignorable="w14 w15 wp14"><w:body>'
    # 1: title; centred by 王小明 (paragraph-property change)
    + p_open('1F2A3B4C') +
    '<w:pPr><w:pStyle w:val="Title"/><w:jc w:val="center"/>'
    f'<w:pPrChange w:id="3" w:author="{NAME}" w:date="{DATE}"><w:pPr><w:pStyle w:val="Title"/></w:pPr></w:pPrChange>'
    '</w:pPr><w:r><w:t>举报材料</w:t></w:r></w:p>'
    # 2: body text, made bold by 王小明 (run-property change), commented by 王小明
    + p_open('2A3B4C5D') +
    '<w:commentRangeStart w:id="0"/>'
    f'<w:r><w:rPr><w:b/><w:bCs/><w:rPrChange w:id="4" w:author="{NAME}" w:date="{DATE}"><w:rPr/></w:rPrChange></w:rPr>'
    '<w:t>举报内容：某公司以高息为诱饵吸收存款。</w:t></w:r>'
    '<w:commentRangeEnd w:id="0"/>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>'
    # 3: tracked insertion and tracked deletion by 王小明
    + p_open('3B4C5D6E', RSID_2) +
    '<w:r><w:t xml:space="preserve">经查：</w:t></w:r>'
    f'<w:ins w:id="1" w:author="{NAME}" w:date="{DATE}"><w:r w:rsidR="{RSID_3}"><w:t>涉案金额约五十万元。</w:t></w:r></w:ins>'
    f'<w:del w:id="2" w:author="{NAME}" w:date="{DATE}"><w:r w:rsidDel="{RSID_3}"><w:delText>删除的原文{PHONE}</w:delText></w:r></w:del>'
    '</w:p>'
    # 4: hyperlink to a local file (external relationship rId5)
    + p_open('4C5D6E7F', RSID_2) +
    '<w:r><w:t xml:space="preserve">证据见：</w:t></w:r>'
    '<w:hyperlink r:id="rId5" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>证据.xlsx</w:t></w:r></w:hyperlink>'
    '</w:p>'
    # 5: inline picture (rId8 -> media/image1.jpeg, a copy of gps.jpg)
    + p_open('5D6E7F10', RSID_3) +
    '<w:r><w:rPr><w:noProof/></w:rPr><w:drawing>'
    f'<wp:inline distT="0" distB="0" distL="0" distR="0" wp14:anchorId="6E7F1021" wp14:editId="7F102132">'
    f'<wp:extent cx="{CX}" cy="{CY}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:docPr id="1" name="图片 1"/>'
    f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
    f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{PIC}">'
    f'<pic:pic xmlns:pic="{PIC}"><pic:nvPicPr><pic:cNvPr id="1" name="图片 1"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="rId8"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{CX}" cy="{CY}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
    f'<w:sectPr w:rsidR="{RSID_ROOT}"><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/>'
    '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>'
    '</w:body></w:document>')

comments = HDR + (
    f'<w:comments {WNS}>'
    f'<w:comment w:id="0" w:author="{NAME}" w:date="{DATE}" w:initials="WXM">'
    f'<w:p w14:paraId="0A1B2C3D" w14:textId="77777777" w:rsidR="{RSID_2}" w:rsidRDefault="{RSID_2}">'
    '<w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
    '<w:r><w:t>请核实该公司的融资材料。</w:t></w:r></w:p>'
    '</w:comment></w:comments>')

comments_ext = HDR + (
    f'<w15:commentsEx xmlns:mc="{MC}" xmlns:w14="{W14}" xmlns:w15="{W15}" mc:Ignorable="w14 w15">'
    '<w15:commentEx w15:paraId="0A1B2C3D" w15:done="0"/></w15:commentsEx>')

people = HDR + (
    f'<w15:people xmlns:mc="{MC}" xmlns:w14="{W14}" xmlns:w15="{W15}" mc:Ignorable="w14 w15">'
    f'<w15:person w15:author="{NAME}"><w15:presenceInfo w15:providerId="None" '
    f'w15:userId="{PINYIN}@example.invalid"/></w15:person></w15:people>')

settings = HDR + (
    f'<w:settings {WNS_BASE} xmlns:m="{M}" mc:Ignorable="w14 w15">'
    '<w:zoom w:percent="100"/>'
    '<w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>'
    '<w:proofState w:spelling="clean" w:grammar="clean"/>'
    '<w:attachedTemplate r:id="rId1"/>'
    '<w:trackRevisions/>'
    '<w:defaultTabStop w:val="420"/>'
    '<w:drawingGridVerticalSpacing w:val="156"/>'
    '<w:displayHorizontalDrawingGridEvery w:val="0"/>'
    '<w:displayVerticalDrawingGridEvery w:val="2"/>'
    '<w:characterSpacingControl w:val="compressPunctuation"/>'
    '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
    '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
    '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '<w:compatSetting w:name="differentiateMultirowTableHeaders" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
    '</w:compat>'
    f'<w:docVars><w:docVar w:name="reporter" w:val="{PHONE}"/></w:docVars>'
    f'<w:rsids><w:rsidRoot w:val="{RSID_ROOT}"/><w:rsid w:val="{RSID_3}"/>'
    f'<w:rsid w:val="{RSID_ROOT}"/><w:rsid w:val="{RSID_2}"/></w:rsids>'
    '<m:mathPr><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/><m:brkBinSub m:val="--"/>'
    '<m:smallFrac m:val="0"/><m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/>'
    '<m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/><m:intLim m:val="subSup"/>'
    '<m:naryLim m:val="undOvr"/></m:mathPr>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" '
    'w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" '
    'w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>'
    '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
    '<w14:docId w14:val="3A4B5C6D"/>'
    '<w15:chartTrackingRefBased/>'
    '<w15:docId w15:val="{6F1E2D3C-4B5A-4968-8776-655443322110}"/>'
    '</w:settings>')

styles = HDR + (
    f'<w:styles {WNS}>'
    '<w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
    '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
    '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    '</w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
    '<w:pPr><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/>'
    '<w:b/><w:bCs/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:pPr><w:jc w:val="left"/></w:pPr></w:style>'
    '</w:styles>')

font_table = HDR + (
    f'<w:fonts {WNS}>'
    '<w:font w:name="等线"><w:altName w:val="DengXian"/><w:panose1 w:val="02010600030101010101"/>'
    '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
    '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="等线 Light"><w:altName w:val="DengXian Light"/><w:panose1 w:val="02010600030101010101"/>'
    '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
    '</w:fonts>')

web_settings = HDR + (
    f'<w:webSettings {WNS}><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>')

def solid(scheme):
    return f'<a:solidFill><a:schemeClr val="{scheme}"/></a:solidFill>'

theme = HDR + (
    f'<a:theme xmlns:a="{A}" name="Office Theme"><a:themeElements>'
    '<a:clrScheme name="Office">'
    '<a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>'
    '<a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2>'
    '<a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2>'
    '<a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4>'
    '<a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6>'
    '<a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink>'
    '</a:clrScheme>'
    '<a:fontScheme name="Office">'
    '<a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Hans" typeface="等线 Light"/></a:majorFont>'
    '<a:minorFont><a:latin typeface="等线"/><a:ea typeface=""/><a:cs typeface=""/>'
    '<a:font script="Hans" typeface="等线"/></a:minorFont>'
    '</a:fontScheme>'
    '<a:fmtScheme name="Office">'
    '<a:fillStyleLst>' + solid('phClr') * 3 + '</a:fillStyleLst>'
    '<a:lnStyleLst>' + ''.join(
        f'<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{solid("phClr")}'
        '<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>' for w in (6350, 12700, 19050)) +
    '</a:lnStyleLst>'
    '<a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3 + '</a:effectStyleLst>'
    '<a:bgFillStyleLst>' + solid('phClr') * 3 + '</a:bgFillStyleLst>'
    '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>')

core = HDR + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dc:title></dc:title><dc:subject></dc:subject>'
    f'<dc:creator>{NAME}</dc:creator><cp:keywords></cp:keywords><dc:description></dc:description>'
    f'<cp:lastModifiedBy>{NAME}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T10:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-01T10:25:00Z</dcterms:modified>'
    '</cp:coreProperties>')

app = HDR + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<Template>Normal.dotm</Template><TotalTime>25</TotalTime><Pages>1</Pages><Words>8</Words>'
    '<Characters>48</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
    '<Lines>1</Lines><Paragraphs>1</Paragraphs><ScaleCrop>false</ScaleCrop>'
    f'<Company>{NAME}的公司</Company><LinksUpToDate>false</LinksUpToDate>'
    '<CharactersWithSpaces>55</CharactersWithSpaces><SharedDoc>false</SharedDoc>'
    '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>')

custom = HDR + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Phone">'
    f'<vt:lpwstr>{PHONE}</vt:lpwstr></property></Properties>')

custom_item = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
               f'<reporter><name>{NAME}</name><phone>{PHONE}</phone></reporter>')

custom_item_props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n'
                     '<ds:datastoreItem ds:itemID="{5A3F2B1C-7D4E-4F60-9A8B-1C2D3E4F5A6B}" '
                     'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
                     '<ds:schemaRefs/></ds:datastoreItem>')

custom_item_rels = HDR + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/customXmlProps" Target="itemProps1.xml"/>'
    '</Relationships>')


def main(image_path, out_path):
    image = open(image_path, 'rb').read()
    parts = [
        ('[Content_Types].xml', content_types),
        ('_rels/.rels', root_rels),
        ('word/document.xml', document),
        ('word/_rels/document.xml.rels', doc_rels),
        ('customXml/item1.xml', custom_item),
        ('word/comments.xml', comments),
        ('word/commentsExtended.xml', comments_ext),
        ('word/media/image1.jpeg', image),
        ('word/theme/theme1.xml', theme),
        ('word/settings.xml', settings),
        ('word/_rels/settings.xml.rels', settings_rels),
        ('customXml/itemProps1.xml', custom_item_props),
        ('customXml/_rels/item1.xml.rels', custom_item_rels),
        ('word/styles.xml', styles),
        ('word/webSettings.xml', web_settings),
        ('word/fontTable.xml', font_table),
        ('word/people.xml', people),
        ('docProps/core.xml', core),
        ('docProps/app.xml', app),
        ('docProps/custom.xml', custom),
    ]
    with zipfile.ZipFile(out_path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode('utf-8')
                xml.dom.minidom.parseString(data)  # well-formedness check
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
