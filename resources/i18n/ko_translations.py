"""Korean translations of the editor's texts, and the script that writes them into the .ts file.

Regenerate after changing any user-visible text in editor/ui/ or a core message template
(the core marks its templates with ``QT_TRANSLATE_NOOP``, e.g. the checklist's)::

    pyside6-lupdate editor/ui/*/*.py $(grep -rl --include=*.py --exclude-dir=ui \
        "QT_TRANSLATE_NOOP(" editor) -no-obsolete -ts resources/i18n/article_editor_ko.ts
    python resources/i18n/ko_translations.py        # fills the .ts from KO below
    pyside6-lrelease resources/i18n/article_editor_ko.ts -qm resources/i18n/article_editor_ko.qm

Qt's own dialogs are translated by Qt's ``qtbase_ko.qm``; the few Qt texts it lacks are
in ``qt_extra_ko.ts`` (edited by hand, compiled with ``pyside6-lrelease`` the same way).

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
    # The publish checklist (editor/checks.py)
    "Front matter is not valid YAML: {problem}": "머리말이 올바른 YAML이 아닙니다: {problem}",
    "Jekyll skips '{name}': a post's file name must start with its date, YYYY-MM-DD-":
        "Jekyll은 '{name}'을(를) 건너뜁니다: 글 파일 이름은 날짜(YYYY-MM-DD-)로 시작해야 합니다",
    "'{date}' in the file name is not a real date": "파일 이름의 '{date}'은(는) 있는 날짜가 아닙니다",
    "The post has no title": "글에 제목이 없습니다",
    "No excerpt: listings will show the first paragraph":
        "요약이 없습니다: 목록에는 첫 문단이 보입니다",
    "The excerpt is empty": "요약이 비어 있습니다",
    "The excerpt has {count} characters; over {limit} get cut off":
        "요약이 {count}자입니다. {limit}자를 넘으면 잘려 보입니다",
    "The feature text differs from the excerpt": "대표 문구가 요약과 다릅니다",
    "The image file does not exist: {path}": "이미지 파일이 없습니다: {path}",
    "<{name}> is never closed": "<{name}> 태그가 닫히지 않았습니다",
    "</{name}> has no matching <{name}>": "</{name}>에 짝이 되는 <{name}>이(가) 없습니다",
    "An image has no source address": "이미지에 주소(src)가 없습니다",
    "An image has no alt text": "이미지에 대체 텍스트(alt)가 없습니다",
    "Still the template's sample text": "아직 템플릿의 예시 글입니다",
    "Still the template's sample text: “{text}”": "아직 템플릿의 예시 글입니다: “{text}”",
    "This heading repeats the title, which the theme already shows":
        "이 제목은 글 제목을 되풀이합니다. 테마가 이미 글 제목을 보여 줍니다",
    "The title is a list, not text: the blog shows it oddly":
        "제목이 글자가 아니라 목록입니다: 블로그에 이상하게 보입니다",
    "This is a YAML list, not text, and would publish oddly. Typing here replaces it with text.":
        "YAML 목록이라 글자가 아니어서 발행하면 이상하게 보입니다. 여기에 입력하면 글자로 바뀝니다.",
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
    "Prefere&nces…": "환경 설정(&N)…",
    "Front &Matter Form": "머리말 양식(&M)",
    "&Source Editor": "소스 편집기(&S)",
    "&Preview": "미리 보기(&P)",
    "&Word Wrap": "자동 줄 바꿈(&W)",
    # Spelling (editor/ui/source/spelling_window.py)
    "Chec&k Spelling": "맞춤법 검사(&K)",
    "Underline misspelt words in Korean and English": "한국어와 영어의 틀린 낱말에 밑줄 긋기",
    "(No Suggestions)": "(추천 낱말 없음)",
    "Add to Dictionary": "사전에 추가",
    "Ignore in This Post": "이 글에서 무시",
    "Spelling is not checked: {problem}": "맞춤법을 검사하지 않습니다: {problem}",
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
    # The preview's Site look (editor/ui/preview/site_look.py, dialogs.py)
    "Site (the post's own Jekyll site)": "사이트 (글이 속한 Jekyll 사이트의 모습)",
    "Site look: jekyll is not installed.": "사이트 모습: jekyll이 설치되어 있지 않습니다.",
    "Site look: the site could not be built: {error}":
        "사이트 모습: 사이트를 빌드하지 못했습니다: {error}",
    "Site look: building the site…": "사이트 모습: 사이트를 빌드하는 중…",
    "Site look: the site has no page for this post yet.":
        "사이트 모습: 사이트에 아직 이 글의 페이지가 없습니다.",
    "Site look: the last build failed: {error}":
        "사이트 모습: 마지막 빌드가 실패했습니다: {error}",
    "Site look: rebuilding the site…": "사이트 모습: 사이트를 다시 빌드하는 중…",
    "System default": "시스템 기본값",
    "&Language:": "언어(&L):",
    "A new language takes effect when the editor is restarted.":
        "바꾼 언어는 편집기를 다시 시작하면 적용됩니다.",
    "&Offline preview (block every network request)":
        "오프라인 미리 보기(&O) (모든 네트워크 요청 차단)",
    "&Wrap long lines in the source editor": "소스 편집기에서 긴 줄 자동 줄 바꿈(&W)",
    "&Save the file by itself after each pause in typing": "입력을 멈출 때마다 파일에 자동 저장(&S)",
    "Unsaved text is always kept in the recovery journal; this also writes it to the post's "
    "file.": "저장하지 않은 글은 언제나 복구 기록에 보관됩니다. 이 옵션을 켜면 글 파일에도 씁니다.",
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
    "{words} · {chars} ({bare} without spaces)": "{words} · {chars} (공백 제외 {bare}자)",
    "{count} word": "{count}단어",
    "{count} words": "{count}단어",
    "{count} character": "{count}자",
    "{count} characters": "{count}자",
    "{minutes} min read": "읽는 데 {minutes}분",
    # Front-matter form
    "Yes": "예",
    "No": "아니요",
    "Remove “{item}”": "“{item}” 빼기",
    "Not set": "설정 안 함",
    "Give the post a date": "글에 날짜 지정",
    "No date": "날짜 없음",
    "From the file name: Jekyll dates the post {date}. Tick the box to write a date here "
    "instead.": "파일 이름에서: Jekyll은 이 글의 날짜를 {date}(으)로 봅니다. 여기에 날짜를 "
        "쓰려면 상자를 체크하세요.",
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
    "Same as {field}": "{field} 내용과 같게",
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
    "Replaced 1 occurrence": "1곳을 바꿨습니다",
    "Replaced {count} occurrences": "{count}곳을 바꿨습니다",
    "Nothing to replace": "바꿀 것이 없습니다",
    "Clear Recent Files": "최근 파일 목록 지우기",
    "No post is open": "열린 글이 없습니다",
    "Still opening “{name}”: the text can be edited once it has loaded.":
        "“{name}”을(를) 여는 중입니다. 다 읽으면 편집할 수 있습니다.",
    "Opened “{name}”": "“{name}”을(를) 열었습니다",
    "Opening {name}…": "{name} 여는 중…",
    "Checking…": "검사하는 중…",
    "Zoom &In": "확대(&I)",
    "Zoom O&ut": "축소(&U)",
    "&Reset Zoom": "원래 크기(&R)",
    "Larger text in the focused pane (the form: source and preview)":
        "포커스가 있는 창의 글자를 키웁니다(양식에서는 원본과 미리 보기 모두)",
    "Source &Font…": "원본 글꼴(&F)…",
    "The font of the source editor": "원본 편집기의 글꼴",
    "&Keyboard Shortcuts": "단축키 목록(&K)",
    "Keyboard Shortcuts": "단축키 목록",
    "Menu": "메뉴",
    "Command": "명령",
    "Shortcut": "단축키",
    "Source {size} pt": "원본 {size}pt",
    "Preview {percent}%": "미리 보기 {percent}%",
    "Follow the system": "시스템 설정 따르기",
    "Light": "밝게",
    "Dark": "어둡게",
    "&Window colours:": "창 색상(&W):",
    "S&pelling:": "맞춤법(&P):",
    "Korean and English": "한국어와 영어",
    "English only": "영어만",
    "Korean only": "한국어만",
    "Korean and {dictionary}": "한국어와 {dictionary}",
    "{dictionary} only": "{dictionary}만",
    "Used when neither the post's front matter nor the site's _config.yml names a lang":
        "글의 머리말에도 사이트의 _config.yml에도 lang이 없을 때 씁니다",
    "New Post…": "새 글…",
    "Open…": "열기…",
    "Recent files": "최근 파일",
    "The recent files list is empty.": "최근 파일 목록을 비웠습니다.",
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
    # Export and publish
    "&Export…": "내보내기(&E)…",
    "Export the post as a web page, paste-ready HTML, PDF or converted post":
        "글을 웹 페이지, 붙여 넣기용 HTML, PDF 또는 변환한 글로 내보내기",
    "Export &Folder…": "폴더 내보내기(&F)…",
    "Export every post in a folder": "폴더 안의 모든 글 내보내기",
    "Copy for &Blog": "블로그용으로 복사(&B)",
    "Copy the post as inline-styled HTML to paste into a blog editor":
        "블로그 편집기에 붙여 넣을 수 있게 스타일을 넣은 HTML로 글 복사",
    "&Publish…": "발행(&P)…",
    "Move this draft into _posts with today's date": "이 초안을 오늘 날짜로 _posts에 옮기기",
    "Publish &Checklist": "발행 점검표(&C)",
    "Show what to fix before publishing": "발행하기 전에 고칠 것 보기",
    "Convert Body to &Markdown": "본문을 Markdown으로 변환(&M)",
    "Rewrite the HTML body as Markdown (one undo step)":
        "HTML 본문을 Markdown으로 다시 쓰기 (한 번에 실행 취소)",
    "Convert Body to &HTML": "본문을 HTML로 변환(&H)",
    "Rewrite the Markdown body as HTML (one undo step)":
        "Markdown 본문을 HTML로 다시 쓰기 (한 번에 실행 취소)",
    "Web page (HTML with styles)": "웹 페이지 (스타일을 포함한 HTML)",
    "Paste-ready HTML (inline styles)": "붙여 넣기용 HTML (인라인 스타일)",
    "PDF": "PDF",
    "Post with the body in Markdown": "본문을 Markdown으로 바꾼 글",
    "Post with the body in HTML": "본문을 HTML로 바꾼 글",
    "Copy into the site's _posts": "사이트의 _posts에 복사",
    "Embed local images in the page": "로컬 이미지를 페이지에 넣기",
    "One file that carries its pictures: local images become data: addresses":
        "그림까지 담은 파일 하나: 로컬 이미지를 data: 주소로 바꿉니다",
    "Include title, lead and feature image": "제목, 요약, 대표 이미지 포함",
    "A4": "A4",
    "Letter": "레터",
    "Fetch web images (needs the network)": "웹 이미지 가져오기 (네트워크 필요)",
    "Otherwise web images print as labelled boxes":
        "아니면 웹 이미지는 이름표가 붙은 상자로 인쇄됩니다",
    "&Theme:": "테마(&T):",
    "Pa&per:": "용지(&P):",
    "Checklist Errors": "점검표 오류",
    "The publish checklist found {count} error. Publish anyway?":
        "발행 점검표에서 오류 {count}개를 찾았습니다. 그래도 발행할까요?",
    "The publish checklist found {count} errors. Publish anyway?":
        "발행 점검표에서 오류 {count}개를 찾았습니다. 그래도 발행할까요?",
    "Publish Anyway": "그래도 발행",
    "Line {line}: {message}": "{line}행: {message}",
    "Export": "내보내기",
    "&Browse…": "찾아보기(&B)…",
    "Exporting…": "내보내는 중…",
    "&Export": "내보내기(&E)",
    "Export &as:": "내보낼 형식(&A):",
    "Site &folder:": "사이트 폴더(&F):",
    "Save &to:": "저장 위치(&T):",
    "One page with the theme's styles, title, description and social-media tags.":
        "테마 스타일, 제목, 설명, 소셜 미디어 태그를 담은 페이지 하나입니다.",
    "The body with every style written on its elements, for a blog platform's HTML mode or "
    "a newsletter.":
        "모든 스타일을 요소에 직접 적은 본문입니다. 블로그의 HTML 모드나 뉴스레터에 씁니다.",
    "A printable document with the Korean fonts embedded.": "한글 글꼴을 포함한 인쇄용 문서입니다.",
    "A copy of the post with its body rewritten as Markdown; the front matter stays as it is.":
        "본문을 Markdown으로 다시 쓴 글의 사본입니다. 머리말은 그대로입니다.",
    "A copy of the post with its body rewritten as HTML; the front matter stays as it is.":
        "본문을 HTML로 다시 쓴 글의 사본입니다. 머리말은 그대로입니다.",
    "A dated copy in the site's _posts folder, after the publish checklist.":
        "발행 점검표를 거친 뒤 사이트의 _posts 폴더에 날짜를 붙여 넣는 사본입니다.",
    "Web pages (*.html *.htm)": "웹 페이지 (*.html *.htm)",
    "PDF documents (*.pdf)": "PDF 문서 (*.pdf)",
    "Markdown posts (*.md *.markdown)": "Markdown 글 (*.md *.markdown)",
    "Export To": "내보낼 위치",
    "Choose the Site Folder": "사이트 폴더 선택",
    "Replace File": "파일 바꾸기",
    "“{name}” already exists. Replace it?": "“{name}” 파일이 이미 있습니다. 바꿀까요?",
    "Could Not Export": "내보낼 수 없음",
    "Choose where the export should go.": "내보낼 위치를 고르세요.",
    "The export would replace the post itself; choose another name.":
        "내보내면 글 파일 자체를 덮어씁니다. 다른 이름을 고르세요.",
    "“{path}” is a folder; add a file name.": "“{path}”은(는) 폴더입니다. 파일 이름을 붙이세요.",
    "Exported to {path}": "{path}(으)로 내보냈습니다",
    "Could Not Copy": "복사할 수 없음",
    "Copied for a blog editor: paste it into the editor's visual mode.":
        "블로그 편집기용으로 복사했습니다. 편집기의 기본(보이는 그대로) 모드에 붙여 넣으세요.",
    "Could Not Convert": "변환할 수 없음",
    "The body is now {format}; Undo brings the old one back.":
        "본문이 이제 {format}입니다. 실행 취소하면 이전 본문으로 돌아갑니다.",
    "Markdown": "Markdown",
    "HTML": "HTML",
    "The body is already in {format}.": "본문이 이미 {format}입니다.",
    "Publish Checklist": "발행 점검표",
    "Click a problem to go to it": "문제를 누르면 그 위치로 갑니다",
    "Ready to publish: nothing to fix.": "발행 준비 완료: 고칠 것이 없습니다.",
    "{errors}, {warnings}": "{errors}, {warnings}",
    "{count} error": "오류 {count}개",
    "{count} errors": "오류 {count}개",
    "{count} warning": "경고 {count}개",
    "{field}: {message}": "{field}: {message}",
    "Could Not Publish": "발행할 수 없음",
    "Save the post as a draft in the site's _drafts folder first.":
        "먼저 글을 사이트의 _drafts 폴더에 초안으로 저장하세요.",
    "Only drafts in a site's _drafts folder are published this way; “{name}” is not in one. "
    "File > Export… can copy it into _posts.":
        "이 방법으로는 사이트의 _drafts 폴더에 있는 초안만 발행합니다. “{name}”은(는) 그 폴더에 "
        "없습니다. 파일 > 내보내기…로 _posts에 복사할 수 있습니다.",
    "Published as {name}": "{name}(으)로 발행했습니다",
    "&Undo Publish": "발행 취소(&U)",
    "Move the post back into _drafts": "글을 _drafts 폴더로 되돌리기",
    "This post is already in _posts: it is published": "이 글은 이미 _posts에 있습니다: 발행된 글입니다",
    "“{name}” is already in _posts: it is published.":
        "“{name}”은(는) 이미 _posts에 있습니다: 발행된 글입니다.",
    "Move “{source}” to “{target}”? Jekyll publishes it on the next build; Undo Publish moves "
    "it back.":
        "“{source}”을(를) “{target}”(으)로 옮길까요? 다음 빌드 때 Jekyll이 발행합니다. "
        "발행 취소로 되돌릴 수 있습니다.",
    "Publish": "발행",
    "Could Not Undo Publish": "발행을 취소할 수 없음",
    "Moved back to {path}": "{path}(으)로 되돌렸습니다",
    "Export Folder": "폴더 내보내기",
    "Folder of Posts": "글 폴더",
    "Output Folder": "출력 폴더",
    "&Posts in:": "글 폴더(&P):",
    "&Site folder:": "사이트 폴더(&S):",
    "&Output folder:": "출력 폴더(&O):",
    "“{path}” is not a folder.": "“{path}”은(는) 폴더가 아닙니다.",
    "Choose the output folder.": "출력 폴더를 고르세요.",
    "There are no posts (*.md, *.markdown, *.html) in “{path}”.":
        "“{path}”에 글(*.md, *.markdown, *.html)이 없습니다.",
    "Cancel": "취소",
    "{done} of {total}: {name}": "{total}개 중 {done}번째: {name}",
    "{exported} exported, {failed} failed.": "{exported}개 내보냄, {failed}개 실패.",
    "Cancelled: {count} not done.": "취소됨: {count}개는 하지 않았습니다.",
    "{name}: {reason}": "{name}: {reason}",
    "… and {count} more (see the details).": "… 외 {count}개 (자세히 보기 참고).",
    "… and {count} more": "… 외 {count}개",
    # Authoring: highlight presets, house blocks, paste, highlights panel
    "Cu&t": "잘라내기(&T)",
    "&Copy": "복사(&C)",
    "&Paste": "붙여넣기(&P)",
    "Paste as Plain Te&xt": "일반 텍스트로 붙여넣기(&X)",
    "Select &All": "모두 선택(&A)",
    "Paste the clipboard's text without any formatting": "클립보드의 글자만 서식 없이 붙여넣기",
    "&Highlight Presets…": "강조 프리셋(&H)…",
    "Add, change, reorder or delete highlight presets":
        "강조 프리셋 추가, 변경, 순서 바꾸기, 삭제",
    "S&ignature…": "서명(&I)…",
    "The footer line Insert Signature writes": "서명 넣기가 쓰는 글 끝 줄",
    "&Highlights in This Post": "이 글의 강조(&H)",
    "List every highlighted phrase by preset": "강조한 구절을 프리셋별로 모두 보기",
    "Section &Heading": "섹션 제목(&H)",
    "&Subheading": "소제목(&S)",
    "&Minor Heading": "작은 제목(&M)",
    "S&pacer Paragraph": "빈 문단(&P)",
    "An empty paragraph the house puts around headings": "제목 앞뒤에 넣는 빈 문단",
    "Horizontal &Rule": "가로줄(&R)",
    "&Link…": "링크(&L)…",
    "Lead &Image…": "대표 이미지(&I)…",
    "A picture from a file (copied into the site) or a web address":
        "파일(사이트에 복사)이나 웹 주소의 그림",
    "Summary &Table…": "요약 표(&T)…",
    "Insert a key/content table, or edit the one at the cursor":
        "항목/내용 표를 넣거나 커서가 있는 표를 편집",
    "Si&gnature": "서명(&G)",
    "Write the signature line at the end, or update it": "글 끝에 서명 줄을 쓰거나 고치기",
    "&Insert": "삽입(&I)",
    "Apply “{name}” to the selection; again removes it":
        "선택한 부분에 “{name}” 적용 (한 번 더 하면 해제)",
    "Highlight Presets": "강조 프리셋",
    "Section heading": "섹션 제목",
    "Insert Link": "링크 넣기",
    "Insert Lead Image": "대표 이미지 넣기",
    "Insert Signature": "서명 넣기",
    "Highlight Colour": "강조 색",
    "News article": "뉴스 기사",
    "Plain Markdown post": "일반 Markdown 글",
    "Empty highlight: nothing between the tags": "빈 강조: 태그 사이에 글자가 없습니다",
    "Nested inside another highlight": "다른 강조 안에 들어 있습니다",
    "Coloured but not bold: matches no preset": "색은 있지만 굵지 않음: 맞는 프리셋이 없습니다",
    "Text colour {color} matches no preset": "글자 색 {color}에 맞는 프리셋이 없습니다",
    "Background colour {color} matches no preset": "배경 색 {color}에 맞는 프리셋이 없습니다",
    "&Group": "묶기(&G)",
    "Group the phrases by preset": "구절을 프리셋별로 묶기",
    "Phrase": "구절",
    "Line": "줄",
    "All highlights ({count})": "모든 강조 ({count})",
    "No preset ({count})": "프리셋 없음 ({count})",
    "With warnings ({count})": "경고 있음 ({count})",
    "{count} highlight": "강조 {count}개",
    "{count} highlights": "강조 {count}개",
    "{count} warnings": "경고 {count}개",
    "No preset": "프리셋 없음",
    "(empty)": "(비어 있음)",
    "Highlights in This Post": "이 글의 강조",
    "&Local file, copied into the site": "로컬 파일, 사이트에 복사(&L)",
    "&Web address": "웹 주소(&W)",
    "What the picture shows (required)": "그림에 보이는 것 (필수)",
    "&Alt text:": "대체 텍스트(&A):",
    "Also use as the post’s &feature image": "글의 대표 이미지로도 쓰기(&F)",
    "Save the post inside a Jekyll site (a folder with _config.yml) to copy pictures into "
    "its assets/images folder.":
        "그림을 assets/images 폴더에 복사하려면 글을 Jekyll 사이트(_config.yml이 있는 "
        "폴더) 안에 저장하세요.",
    "Copied to {folder}; the post refers to it as /assets/images/….":
        "{folder}에 복사하고, 글에서는 /assets/images/…로 가리킵니다.",
    "Choose a Picture": "그림 고르기",
    "The file does not exist.": "파일이 없습니다.",
    "Only web (http, https) addresses can be used.": "웹 주소(http, https)만 쓸 수 있습니다.",
    "Describe the picture in the alt text: the preview shows it offline and screen readers "
    "read it aloud.":
        "대체 텍스트로 그림을 설명하세요. 오프라인 미리보기에 보이고 화면 낭독기가 읽어 줍니다.",
    "Could not copy the picture: {problem}": "그림을 복사하지 못했습니다: {problem}",
    "The address itself when left empty": "비워 두면 주소를 그대로 씁니다",
    "&Text:": "텍스트(&T):",
    "&Address:": "주소(&A):",
    "Only web (http, https) and mail addresses can be linked.":
        "웹 주소(http, https)와 메일 주소만 링크할 수 있습니다.",
    "Text colour": "글자 색",
    "Background colour": "배경 색",
    "Bold only": "굵게만",
    "Presets write the bold, coloured spans of your posts. Colours are shown as a browser "
    "paints them on a white page.":
        "프리셋은 글에 굵고 색 있는 강조를 씁니다. 색은 브라우저가 흰 페이지에 칠하는 "
        "그대로 보여 줍니다.",
    "&Add": "추가(&A)",
    "&Delete": "삭제(&D)",
    "Move &Up": "위로(&U)",
    "Move Do&wn": "아래로(&W)",
    "Restore De&faults": "기본값으로(&F)",
    "&Name:": "이름(&N):",
    "&Kind:": "종류(&K):",
    "&Colour:": "색(&C):",
    "&Shortcut:": "단축키(&S):",
    "Looks like:": "보기:",
    "Writes:": "쓰는 마크업:",
    "Keep at least one preset.": "프리셋이 하나는 있어야 합니다.",
    "{key} is used by both “{a}” and “{b}”.": "{key}를 “{a}”와 “{b}”가 함께 씁니다.",
    "“{name}” needs text to apply to: the selection holds only markup.":
        "“{name}”을(를) 적용할 글자가 없습니다: 선택한 부분에는 태그만 있습니다.",
    "{key} already belongs to “{command}”; it will not apply “{name}”.":
        "{key}는 이미 “{command}”의 단축키라서 “{name}”에 쓰이지 않습니다.",
    "New preset": "새 프리셋",
    "Could not save the presets: {problem}": "프리셋을 저장하지 못했습니다: {problem}",
    "Sample text": "보기 글",
    "Signature": "서명",
    "Insert Signature writes this line at the end of the post, or updates the one already "
    "there.":
        "서명 넣기는 이 줄을 글 끝에 쓰거나, 이미 있는 줄을 고칩니다.",
    "&Text before the link:": "링크 앞 글(&T):",
    "&Link text:": "링크 글자(&L):",
    "Link &address:": "링크 주소(&A):",
    "Only web (http, https) addresses can be linked.": "웹 주소(http, https)만 링크할 수 있습니다.",
    "Edit Summary Table": "요약 표 편집",
    "Insert Summary Table": "요약 표 넣기",
    "Column titles:": "열 제목:",
    "Content": "내용",
    "&Add Row": "행 추가(&A)",
    "&Remove Row": "행 삭제(&R)",
    "… {count} more: choose a preset above to narrow the list":
        "… {count}개 더 있음: 위에서 프리셋을 골라 목록을 좁히세요",
    # Pasting pictures
    "Paste Picture": "그림 붙여넣기",
    "Insert Picture": "그림 넣기",
    "Pictures put into a post are kept in the assets/images folder of a Jekyll site. Save "
    "the post inside a site (a folder with _config.yml) first.":
        "글에 넣는 그림은 Jekyll 사이트의 assets/images 폴더에 저장됩니다. 먼저 글을 사이트"
        "(_config.yml이 있는 폴더) 안에 저장하세요.",
    "The clipboard's picture could not be read.": "클립보드의 그림을 읽지 못했습니다.",
    "What the picture shows (alt text):": "그림이 보여 주는 것(대체 텍스트):",
    "Could not save the picture: {problem}": "그림을 저장하지 못했습니다: {problem}",
    "{count} pasted picture left out: save the post inside a Jekyll site (a folder with "
    "_config.yml) to keep pasted pictures in its assets/images folder.":
        "붙여넣은 그림 {count}개를 넣지 않았습니다: 글을 Jekyll 사이트(_config.yml이 있는 "
        "폴더) 안에 저장하면 그림을 사이트의 assets/images 폴더에 보관합니다.",
    "{count} pasted pictures left out: save the post inside a Jekyll site (a folder with "
    "_config.yml) to keep pasted pictures in its assets/images folder.":
        "붙여넣은 그림 {count}개를 넣지 않았습니다: 글을 Jekyll 사이트(_config.yml이 있는 "
        "폴더) 안에 저장하면 그림을 사이트의 assets/images 폴더에 보관합니다.",
    "{count} pasted picture left out: {problem}":
        "붙여넣은 그림 {count}개를 넣지 않았습니다: {problem}",
    "{count} pasted pictures left out: {problem}":
        "붙여넣은 그림 {count}개를 넣지 않았습니다: {problem}",
    "not a picture a browser shows": "브라우저가 보여 주는 그림 형식이 아닙니다",
    "Saved {files} in assets/images.": "{files}을(를) assets/images에 저장했습니다.",
    # The outline panel (editor/ui/authoring/outline_panel.py)
    "Out&line": "개요(&L)",
    "List the post's headings; move whole sections":
        "글의 제목을 차례로 보고 절을 통째로 옮기기",
    "&Move Section Up": "절 위로 옮기기(&M)",
    "Swap the section at the cursor with the one above it":
        "커서가 있는 절을 바로 위 절과 맞바꾸기",
    "Move Section &Down": "절 아래로 옮기기(&D)",
    "Swap the section at the cursor with the one below it":
        "커서가 있는 절을 바로 아래 절과 맞바꾸기",
    "Move the current section up": "현재 절을 위로 옮기기",
    "Move the current section down": "현재 절을 아래로 옮기기",
    "Heading": "제목",
    "{count} headings": "제목 {count}개",
    "No headings": "제목이 없습니다",
    "(empty heading)": "(빈 제목)",
    "Level {level}: {title}": "{level}단계 제목: {title}",
    "Outline": "개요",
    # The site table (editor/ui/site/site_*.py, rename_dialog.py)
    "Left untouched:": "건드리지 않는 파일:",
    "Rename Category or Tag": "분류나 태그 이름 바꾸기",
    "Category": "분류",
    "Tag": "태그",
    "An existing name merges the two": "이미 있는 이름이면 둘을 합칩니다",
    "Rename a:": "바꿀 종류:",
    "Old name:": "지금 이름:",
    "New name:": "새 이름:",
    "Show Changes": "바뀔 내용 보기",
    "Rename": "이름 바꾸기",
    "Give both the old and the new name.": "지금 이름과 새 이름을 모두 적으세요.",
    "No file has “{old}”: nothing to change.":
        "“{old}”이(가) 있는 파일이 없습니다: 바꿀 것이 없습니다.",
    "“{old}” will be merged into “{new}” in {count} file(s).":
        "파일 {count}개에서 “{old}”을(를) “{new}”에 합칩니다.",
    "“{old}” will be renamed to “{new}” in {count} file(s).":
        "파일 {count}개에서 “{old}”을(를) “{new}”(으)로 바꿉니다.",
    "{left} file(s) will be left untouched (listed below).":
        "파일 {left}개는 건드리지 않습니다(아래 목록).",
    "Open S&ite…": "사이트 열기(&I)…",
    "List a Jekyll site's posts and drafts": "Jekyll 사이트의 글과 초안을 목록으로 봅니다",
    "Open This Post’s Si&te": "이 글의 사이트 열기(&T)",
    "Undo Site Rename": "사이트 이름 바꾸기 되돌리기",
    "Not a Jekyll Site": "Jekyll 사이트가 아닙니다",
    "“{folder}” has no _config.yml, _posts or _drafts.":
        "“{folder}”에 _config.yml, _posts, _drafts가 없습니다.",
    "Site: {name}": "사이트: {name}",
    "State": "상태",
    "Words": "단어",
    "Checklist": "점검",
    "Draft": "초안",
    "Unpublished": "비공개",
    "Invalid": "잘못됨",
    "OK": "문제 없음",
    "1 error": "오류 1개",
    "{count} errors": "오류 {count}개",
    "1 warning": "경고 1개",
    "{count} warnings": "경고 {count}개",
    "Filter by title, path, category or tag": "제목, 경로, 분류, 태그로 거르기",
    "Any state": "모든 상태",
    "Drafts": "초안",
    "Open": "열기",
    "Publish…": "발행…",
    "Rename Category or Tag…": "분류나 태그 이름 바꾸기…",
    "Undo": "되돌리기",
    "Hide this message": "이 알림 숨기기",
    "Listing the posts…": "글 목록을 만드는 중…",
    "Could not list the site: {problem}": "사이트 목록을 만들지 못했습니다: {problem}",
    "All categories": "모든 분류",
    "All tags": "모든 태그",
    "{shown} of {count} posts shown · {drafts} draft(s)":
        "글 {count}개 중 {shown}개 표시 · 초안 {drafts}개",
    "{count} with invalid front matter": "머리말이 잘못된 글 {count}개",
    "checking…": "점검 중…",
    "Published “{title}” as {path}.": "“{title}”을(를) {path}(으)로 발행했습니다.",
    "“{old}” renamed to “{new}” in {count} file(s).":
        "파일 {count}개에서 “{old}”을(를) “{new}”(으)로 바꿨습니다.",
    "Rename undone: “{old}” is back in {count} file(s).":
        "이름 바꾸기를 되돌렸습니다: 파일 {count}개에 “{old}”이(가) 돌아왔습니다.",
    "Some Files Were Left Unchanged": "바꾸지 못한 파일이 있습니다",
    "Reading every post and draft…": "모든 글과 초안을 읽는 중…",
    "Renaming “{old}” in {count} file(s)…": "파일 {count}개에서 “{old}”의 이름을 바꾸는 중…",
    "Undoing the rename of “{old}”…": "“{old}” 이름 바꾸기를 되돌리는 중…",
    "Open Site": "사이트 열기",
    "Publish Draft": "초안 발행",
    "Publish “{title}”? The draft moves into _posts with today's date.":
        "“{title}”을(를) 발행할까요? 초안이 오늘 날짜로 _posts에 옮겨집니다.",
    # Several posts open, one tab each (editor/ui/shell/tabs.py)
    "Ne&xt Post": "다음 글(&X)",
    "Pre&vious Post": "이전 글(&V)",
    "Show the next open post": "열려 있는 다음 글을 봅니다",
    "Show the previous open post": "열려 있는 이전 글을 봅니다",
    "Save the changes to these {count} posts?": "글 {count}개의 바뀐 내용을 저장할까요?",
    "&Save All": "모두 저장(&S)",
    "&Discard All": "모두 버리기(&D)",
    "&Reopen open posts on start": "시작할 때 열려 있던 글 다시 열기(&R)",
    "Not reopened (no longer there): {names}": "다시 열지 못했습니다(더 이상 없음): {names}",
    "Still opening {name}…": "아직 {name}을(를) 여는 중…",
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
