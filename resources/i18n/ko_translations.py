"""Korean translations of the editor's texts, and the script that writes them into the .ts file.

Regenerate after changing any user-visible text in editor/ui/::

    pyside6-lupdate editor/ui/*.py -ts resources/i18n/article_editor_ko.ts
    python resources/i18n/ko_translations.py        # fills the .ts from KO below
    pyside6-lrelease resources/i18n/article_editor_ko.ts -qm resources/i18n/article_editor_ko.qm

The script stops with a list of texts that have no translation (or whose placeholders
such as ``{name}`` or ``%1`` do not match), so a release never ships half-translated.
Keyboard accelerators follow the Korean convention: ``파일(&F)``.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS_FILE = Path(__file__).with_name("article_editor_ko.ts")

KO: dict[str, str] = {
    # Menus and actions
    "&File": "파일(&F)",
    "&Edit": "편집(&E)",
    "&View": "보기(&V)",
    "F&ormat": "서식(&O)",
    "&Help": "도움말(&H)",
    "Open &Recent": "최근 파일 열기(&R)",
    "Main Toolbar": "기본 도구 모음",
    "&New…": "새로 만들기(&N)…",
    "Start a new post from a template": "템플릿으로 새 글 시작",
    "&Open…": "열기(&O)…",
    "Open a post file": "글 파일 열기",
    "&Save": "저장(&S)",
    "Save the post": "글 저장",
    "Save &As…": "다른 이름으로 저장(&A)…",
    "Re&vert": "되돌리기(&V)",
    "Drop unsaved changes and reload the file": "저장하지 않은 변경을 버리고 파일을 다시 읽기",
    "&Close": "닫기(&C)",
    "&Quit": "끝내기(&Q)",
    "&Undo": "실행 취소(&U)",
    "&Redo": "다시 실행(&R)",
    "&Find…": "찾기(&F)…",
    "R&eplace…": "바꾸기(&E)…",
    "&Go to Line…": "줄로 이동(&G)…",
    "&Preferences…": "환경 설정(&P)…",
    "Front &Matter Form": "머리말 양식(&M)",
    "&Source Editor": "소스 편집기(&S)",
    "&Preview": "미리 보기(&P)",
    "&Word Wrap": "자동 줄 바꿈(&W)",
    "&Offline Preview": "오프라인 미리 보기(&O)",
    "Block every network request from the preview": "미리 보기의 모든 네트워크 요청 차단",
    "&Bold": "굵게(&B)",
    "Make the selection bold": "선택한 글자를 굵게",
    "&About Article Editor": "Article Editor 정보(&A)",
    # Highlight presets
    "Red emphasis": "빨간 강조",
    "Blue emphasis": "파란 강조",
    "Marker": "형광펜",
    "Bold": "굵게",
    # Dialogs
    "Posts (*.md *.markdown *.html *.htm)": "글 (*.md *.markdown *.html *.htm)",
    "All files (*)": "모든 파일 (*)",
    "Unsaved Changes": "저장하지 않은 변경",
    "Save the changes to “{name}”?": "“{name}”의 변경 내용을 저장할까요?",
    "Your changes will be lost if you don’t save them.":
        "저장하지 않으면 변경 내용이 사라집니다.",
    "Revert": "되돌리기",
    "Drop your unsaved changes and reload “{name}” from disk?":
        "저장하지 않은 변경을 버리고 디스크에서 “{name}”을(를) 다시 읽을까요?",
    "Open Post": "글 열기",
    "Save Post As": "다른 이름으로 글 저장",
    "New Post": "새 글",
    "Start from a template:": "시작할 템플릿:",
    "About Article Editor": "Article Editor 정보",
    "<b>Article Editor</b> {version}<br>Edit blog posts kept as files: front matter, body "
    "and a faithful preview.":
        "<b>Article Editor</b> {version}<br>파일로 보관하는 블로그 글을 편집합니다: "
        "머리말, 본문, 그리고 실제와 같은 미리 보기.",
    "Preferences": "환경 설정",
    "Preview &theme:": "미리 보기 테마(&T):",
    "System default": "시스템 기본값",
    "&Language:": "언어(&L):",
    "A new language takes effect when the editor is restarted.":
        "바꾼 언어는 편집기를 다시 시작하면 적용됩니다.",
    "&Offline preview (block every network request)":
        "오프라인 미리 보기(&O) (모든 네트워크 요청 차단)",
    "&Wrap long lines in the source editor": "소스 편집기에서 긴 줄 자동 줄 바꿈(&W)",
    # Main window
    "The front matter is not valid YAML (line {line}, column {column}): it is shown as "
    "source and saved exactly as it is.":
        "머리말이 올바른 YAML이 아닙니다({line}행 {column}열). 원문으로 표시하며 "
        "저장할 때도 그대로 씁니다.",
    "Untitled": "제목 없음",
    "Could Not Open Template": "템플릿을 열 수 없음",
    "Could Not Open File": "파일을 열 수 없음",
    "“{name}” could not be opened.\n\n{problem}": "“{name}”을(를) 열 수 없습니다.\n\n{problem}",
    "No recent files": "최근 파일 없음",
    "File Not Found": "파일을 찾을 수 없음",
    "“{name}” no longer exists; it was removed from the recent files.":
        "“{name}”이(가) 더 이상 없어 최근 파일 목록에서 뺐습니다.",
    "Could Not Save": "저장할 수 없음",
    "Saved {name}": "{name} 저장함",
    "untitled": "제목-없음",
    "Could Not Revert": "되돌릴 수 없음",
    # Status bar
    "Ln {line}, Col {column}": "{line}행, {column}열",
    "Body format": "본문 형식",
    " with BOM": " (BOM 포함)",
    "File encoding": "파일 인코딩",
    "{words} words · {chars} characters ({bare} without spaces)":
        "{words}단어 · {chars}자 (공백 제외 {bare}자)",
    "{minutes} min read": "읽는 데 {minutes}분",
    # Front-matter form
    "Yes": "예",
    "No": "아니요",
    "Remove “{item}”": "“{item}” 빼기",
    "Not set": "설정 안 함",
    "Give the post a date": "글에 날짜 지정",
    "No date": "날짜 없음",
    "Not a date: “{text}” (kept as written)": "날짜가 아님: “{text}” (쓴 그대로 둠)",
    "Front matter source": "머리말 원문",
    "Edit the front matter as YAML text": "머리말을 YAML 텍스트로 편집",
    "Front matter": "머리말",
    "Other fields": "기타 항목",
    "Front-matter keys this form has no field for. Values are YAML, e.g. [a, b] or "
    "2024-01-01.":
        "이 양식에 입력란이 없는 머리말 키입니다. 값은 YAML로 씁니다(예: [a, b], 2024-01-01).",
    "No front matter yet: type YAML here (for example, title: My post).":
        "머리말이 아직 없습니다. 여기에 YAML을 입력하세요(예: title: 내 글).",
    "The site's form description was not used: {error}":
        "사이트의 양식 설명을 쓰지 못했습니다: {error}",
    "Same as {field}": "{field}과(와) 같게",
    "The front matter is not valid YAML (line {line}, column {column}): {message}\n"
    "The fields wait until it is fixed.":
        "머리말이 올바른 YAML이 아닙니다({line}행 {column}열): {message}\n"
        "고칠 때까지 입력란은 기다립니다.",
    "https://… or a file": "https://… 또는 파일",
    "Browse…": "찾아보기…",
    "Choose an image file": "이미지 파일 선택",
    "No image": "이미지 없음",
    "Images ({patterns})": "이미지 ({patterns})",
    "Choose an image": "이미지 선택",
    "Offline: web image not loaded": "오프라인: 웹 이미지를 불러오지 않음",
    "Image file not found": "이미지 파일을 찾을 수 없음",
    "Loading image…": "이미지 불러오는 중…",
    "Web image could not be loaded": "웹 이미지를 불러올 수 없음",
    "This field is required.": "꼭 입력해야 하는 항목입니다.",
    "{count} characters; more than {limit} may be cut short.":
        "{count}자: {limit}자를 넘으면 잘릴 수 있습니다.",
    "Add a category…": "카테고리 추가…",
    "Add a tag…": "태그 추가…",
    "Add an item…": "항목 추가…",
    "Key": "키",
    "Value (YAML)": "값 (YAML)",
    "Add field": "항목 추가",
    "Remove field": "항목 삭제",
    "Not valid YAML: {reason}": "올바른 YAML이 아님: {reason}",
    "The key “{key}” is already used.": "“{key}” 키는 이미 쓰고 있습니다.",
    "Characters: {count}": "글자 수: {count}",
    "Longer than {limit} characters; listings and search results may cut it short.":
        "{limit}자보다 깁니다. 목록과 검색 결과에서 잘릴 수 있습니다.",
    # Schema labels and hints
    "Title": "제목",
    "The headline readers see first.": "독자가 가장 먼저 보는 제목입니다.",
    "Categories": "카테고리",
    "Press Enter to add a category.": "Enter 키를 눌러 카테고리를 추가합니다.",
    "Tags": "태그",
    "Press Enter to add a tag.": "Enter 키를 눌러 태그를 추가합니다.",
    "Excerpt": "요약",
    "Summary for listings and search results.": "목록과 검색 결과에 보이는 요약입니다.",
    "Feature text": "대표 문구",
    "Text shown over the feature image.": "대표 이미지 위에 보이는 문구입니다.",
    "Image": "이미지",
    "Web address or local file of the feature image.": "대표 이미지의 웹 주소나 로컬 파일입니다.",
    "Date": "날짜",
    "Layout": "레이아웃",
    "Permalink": "고유 주소",
    "Published": "공개",
    "Jekyll leaves out posts marked as not published.":
        "Jekyll은 공개하지 않음으로 표시한 글을 빼고 만듭니다.",
    # Find and replace
    "Find": "찾기",
    "Replace with": "바꿀 내용",
    "With regular expressions, \\1 or \\g<name> insert a captured group.":
        "정규식에서는 \\1 또는 \\g<name>으로 캡처한 그룹을 넣습니다.",
    "Regex": "정규식",
    "Treat the search text as a regular expression": "찾을 내용을 정규식으로 처리",
    "Match case": "대소문자 구분",
    "Whole word": "단어 단위로",
    "Previous": "이전",
    "Find previous (Shift+Enter, Shift+F3)": "이전 찾기 (Shift+Enter, Shift+F3)",
    "Next": "다음",
    "Find next (Enter, F3)": "다음 찾기 (Enter, F3)",
    "Replace": "바꾸기",
    "Replace All": "모두 바꾸기",
    "Close (Escape)": "닫기 (Esc)",
    "Invalid regular expression: %1": "잘못된 정규식: %1",
    "No results": "결과 없음",
    "%1 of %2": "%2개 중 %1번째",
    "(wrapped)": "(처음부터 다시)",
    "%1 matches": "%1개 찾음",
    "Replaced %1": "%1개 바꿈",
    # Preview and source editor
    "Image not available": "이미지를 볼 수 없음",
    "Embedded content is not shown in the preview": "삽입된 콘텐츠는 미리 보기에 표시하지 않습니다",
    "The preview could not be rendered: {error}": "미리 보기를 만들 수 없습니다: {error}",
    "Go to Line": "줄로 이동",
    "Line number (1–%1):": "줄 번호 (1–%1):",
    # Autosave, recovery, changes on disk, big files
    "The recovery copy could not be written: {problem}":
        "복구용 사본을 쓰지 못했습니다: {problem}",
    "Opening…": "여는 중…",
    "Opening “{name}”…": "“{name}” 여는 중…",
    "Opening… %p%": "여는 중… %p%",
    "Reload": "다시 읽기",
    "Load the file from disk; your edits are dropped":
        "디스크의 파일을 읽습니다. 편집한 내용은 버려집니다",
    "Keep Mine": "내 것 유지",
    "Keep your text; saving will replace the file":
        "내 글을 유지합니다. 저장하면 파일을 바꿉니다",
    "Compare…": "비교…",
    "Save As…": "다른 이름으로 저장…",
    "Dismiss": "닫기",
    "“{name}” was changed on disk by another program. You have unsaved edits here.":
        "다른 프로그램이 디스크의 “{name}” 파일을 바꿨습니다. "
        "여기에는 저장하지 않은 편집이 있습니다.",
    "“{name}” was deleted or renamed on disk. The text here is kept as unsaved; save it to "
    "write the file again.":
        "디스크에서 “{name}” 파일이 삭제되었거나 이름이 바뀌었습니다. 여기의 글은 저장하지 않은 "
        "상태로 남아 있으니, 저장하면 파일을 다시 씁니다.",
    "“{name}” changed on disk but could not be read: {problem}":
        "디스크의 “{name}” 파일이 바뀌었지만 읽을 수 없습니다: {problem}",
    "The two versions are the same.": "두 버전이 같습니다.",
    "File Changed on Disk": "디스크의 파일이 바뀜",
    "“{name}” was changed on disk since you opened or saved it.":
        "“{name}” 파일을 열거나 저장한 뒤 디스크에서 파일이 바뀌었습니다.",
    "Overwrite it with your text, save your text elsewhere, or cancel?":
        "내 글로 덮어쓸까요, 다른 곳에 저장할까요, 아니면 취소할까요?",
    "Overwrite": "덮어쓰기",
    "Could Not Read File": "파일을 읽을 수 없음",
    "on disk": "디스크의 파일",
    "your text": "내 글",
    "Changes: {name}": "바뀐 내용: {name}",
    "Reloaded “{name}”: it was changed on disk.":
        "디스크에서 바뀐 “{name}” 파일을 다시 읽었습니다.",
    "Recover Unsaved Text": "저장하지 않은 글 복구",
    "The editor was closed without saving these texts (a crash or a forced quit). Choose what "
    "to do with each one.":
        "편집기가 이 글들을 저장하지 못하고 닫혔습니다(비정상 종료 또는 강제 종료). "
        "글마다 어떻게 할지 고르세요.",
    "Restore": "복구",
    "Open the text as an unsaved document": "저장하지 않은 문서로 글 열기",
    "Discard": "버리기",
    "Delete the kept text": "보관한 글 삭제",
    "Later": "나중에",
    "Keep the text and ask again at the next start": "글을 보관하고 다음에 시작할 때 다시 묻기",
    "Untitled (never saved)": "제목 없음 (저장한 적 없음)",
    "Kept at {time}, {size} bytes": "{time}에 보관, {size}바이트",
    "The file no longer exists on disk.": "디스크에 파일이 더 이상 없습니다.",
    "The file on disk was changed after this text was written; compare before saving.":
        "이 글을 보관한 뒤 디스크의 파일이 바뀌었습니다. 저장하기 전에 비교해 보세요.",
    "The text is the same as the file on disk.": "디스크의 파일과 글이 같습니다.",
}

# Texts whose translation depends on where they appear: (context, source) -> translation.
KO_IN_CONTEXT: dict[tuple[str, str], str] = {}

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\d")


def translation_for(context: str, source: str) -> str | None:
    """The Korean text for ``source`` in ``context``, or None if there is none."""
    return KO_IN_CONTEXT.get((context, source), KO.get(source))


def fill(ts_file: Path = TS_FILE) -> list[str]:
    """Write every translation into ``ts_file``; return the problems (empty when complete)."""
    tree = ET.parse(ts_file)
    problems: list[str] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            text = translation_for(name, source)
            if text is None:
                problems.append(f"no translation: [{name}] {source!r}")
                continue
            if sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(source)):
                problems.append(f"placeholders differ: [{name}] {source!r} -> {text!r}")
                continue
            element.text = text
            element.attrib.pop("type", None)  # no longer "unfinished"
    ET.indent(tree, space="    ")
    with ts_file.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    return problems


if __name__ == "__main__":
    found = fill(Path(sys.argv[1]) if len(sys.argv) > 1 else TS_FILE)
    for line in found:
        print(line, file=sys.stderr)
    sys.exit(1 if found else 0)
