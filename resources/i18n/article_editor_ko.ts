<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>Actions</name>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="56" />
            <source>&amp;New…</source>
            <translation>새로 만들기(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="58" />
            <source>Start a new post from a template</source>
            <translation>템플릿으로 새 글 시작</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="59" />
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="61" />
            <source>Open a post file</source>
            <translation>글 파일 열기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="62" />
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="65" />
            <source>Save the post</source>
            <translation>글 저장</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="66" />
            <source>Save &amp;As…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="68" />
            <source>Re&amp;vert</source>
            <translation>되돌리기(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="69" />
            <source>Drop unsaved changes and reload the file</source>
            <translation>저장하지 않은 변경을 버리고 파일을 다시 읽기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="72" />
            <source>&amp;Export…</source>
            <translation>내보내기(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="74" />
            <source>Export the post as a web page, paste-ready HTML, PDF or converted post</source>
            <translation>글을 웹 페이지, 붙여 넣기용 HTML, PDF 또는 변환한 글로 내보내기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="76" />
            <source>Export &amp;Folder…</source>
            <translation>폴더 내보내기(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="78" />
            <source>Export every post in a folder</source>
            <translation>폴더 안의 모든 글 내보내기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="79" />
            <source>Copy for &amp;Blog</source>
            <translation>블로그용으로 복사(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="81" />
            <source>Copy the post as inline-styled HTML to paste into a blog editor</source>
            <translation>블로그 편집기에 붙여 넣을 수 있게 스타일을 넣은 HTML로 글 복사</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="83" />
            <source>&amp;Publish…</source>
            <translation>발행(&amp;P)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="84" />
            <source>Move this draft into _posts with today's date</source>
            <translation>이 초안을 오늘 날짜로 _posts에 옮기기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="86" />
            <source>&amp;Close</source>
            <translation>닫기(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="88" />
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="91" />
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="94" />
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="97" />
            <source>Cu&amp;t</source>
            <translation>잘라내기(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="99" />
            <source>&amp;Copy</source>
            <translation>복사(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="101" />
            <source>&amp;Paste</source>
            <translation>붙여넣기(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="103" />
            <source>Paste as Plain Te&amp;xt</source>
            <translation>일반 텍스트로 붙여넣기(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="105" />
            <source>Paste the clipboard's text without any formatting</source>
            <translation>클립보드의 글자만 서식 없이 붙여넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="107" />
            <source>Select &amp;All</source>
            <translation>모두 선택(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="109" />
            <source>&amp;Find…</source>
            <translation>찾기(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="111" />
            <source>R&amp;eplace…</source>
            <translation>바꾸기(&amp;E)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="113" />
            <source>&amp;Go to Line…</source>
            <translation>줄로 이동(&amp;G)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="118" />
            <source>&amp;Highlight Presets…</source>
            <translation>강조 프리셋(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="120" />
            <source>Add, change, reorder or delete highlight presets</source>
            <translation>강조 프리셋 추가, 변경, 순서 바꾸기, 삭제</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="115" />
            <source>Prefere&amp;nces…</source>
            <translation>환경 설정(&amp;N)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="122" />
            <source>S&amp;ignature…</source>
            <translation>서명(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="124" />
            <source>The footer line Insert Signature writes</source>
            <translation>서명 넣기가 쓰는 글 끝 줄</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="127" />
            <source>Front &amp;Matter Form</source>
            <translation>머리말 양식(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="129" />
            <source>&amp;Source Editor</source>
            <translation>소스 편집기(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="131" />
            <source>&amp;Preview</source>
            <translation>미리 보기(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="133" />
            <source>&amp;Word Wrap</source>
            <translation>자동 줄 바꿈(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="135" />
            <source>&amp;Offline Preview</source>
            <translation>오프라인 미리 보기(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="137" />
            <source>Block every network request from the preview</source>
            <translation>미리 보기의 모든 네트워크 요청 차단</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="139" />
            <source>Publish &amp;Checklist</source>
            <translation>발행 점검표(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="141" />
            <source>Show what to fix before publishing</source>
            <translation>발행하기 전에 고칠 것 보기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="143" />
            <source>&amp;Highlights in This Post</source>
            <translation>이 글의 강조(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="145" />
            <source>List every highlighted phrase by preset</source>
            <translation>강조한 구절을 프리셋별로 모두 보기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="148" />
            <source>Ne&amp;xt Post</source>
            <translation>다음 글(&amp;X)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="150" />
            <source>Show the next open post</source>
            <translation>열려 있는 다음 글을 봅니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="151" />
            <source>Pre&amp;vious Post</source>
            <translation>이전 글(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="153" />
            <source>Show the previous open post</source>
            <translation>열려 있는 이전 글을 봅니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="155" />
            <source>Zoom &amp;In</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="157" />
            <source>Larger text in the focused pane (the form: source and preview)</source>
            <translation>포커스가 있는 창의 글자를 키웁니다(양식에서는 원본과 미리 보기 모두)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="159" />
            <source>Zoom O&amp;ut</source>
            <translation>축소(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="161" />
            <source>&amp;Reset Zoom</source>
            <translation>원래 크기(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="163" />
            <source>Source &amp;Font…</source>
            <translation>원본 글꼴(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="165" />
            <source>The font of the source editor</source>
            <translation>원본 편집기의 글꼴</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="168" />
            <source>&amp;Bold</source>
            <translation>굵게(&amp;B)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="170" />
            <source>Make the selection bold</source>
            <translation>선택한 글자를 굵게</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="171" />
            <source>Convert Body to &amp;Markdown</source>
            <translation>본문을 Markdown으로 변환(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="173" />
            <source>Rewrite the HTML body as Markdown (one undo step)</source>
            <translation>HTML 본문을 Markdown으로 다시 쓰기 (한 번에 실행 취소)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="175" />
            <source>Convert Body to &amp;HTML</source>
            <translation>본문을 HTML로 변환(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="177" />
            <source>Rewrite the Markdown body as HTML (one undo step)</source>
            <translation>Markdown 본문을 HTML로 다시 쓰기 (한 번에 실행 취소)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="180" />
            <source>Section &amp;Heading</source>
            <translation>섹션 제목(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="182" />
            <source>&amp;Subheading</source>
            <translation>소제목(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="184" />
            <source>&amp;Minor Heading</source>
            <translation>작은 제목(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="186" />
            <source>S&amp;pacer Paragraph</source>
            <translation>빈 문단(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="188" />
            <source>An empty paragraph the house puts around headings</source>
            <translation>제목 앞뒤에 넣는 빈 문단</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="190" />
            <source>Horizontal &amp;Rule</source>
            <translation>가로줄(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="192" />
            <source>&amp;Link…</source>
            <translation>링크(&amp;L)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="194" />
            <source>Lead &amp;Image…</source>
            <translation>대표 이미지(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="196" />
            <source>A picture from a file (copied into the site) or a web address</source>
            <translation>파일(사이트에 복사)이나 웹 주소의 그림</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="198" />
            <source>Summary &amp;Table…</source>
            <translation>요약 표(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="200" />
            <source>Insert a key/content table, or edit the one at the cursor</source>
            <translation>항목/내용 표를 넣거나 커서가 있는 표를 편집</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="202" />
            <source>Si&amp;gnature</source>
            <translation>서명(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="204" />
            <source>Write the signature line at the end, or update it</source>
            <translation>글 끝에 서명 줄을 쓰거나 고치기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="207" />
            <source>&amp;Keyboard Shortcuts</source>
            <translation>단축키 목록(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="209" />
            <source>&amp;About Article Editor</source>
            <translation>Article Editor 정보(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="69" />
            <source>Out&amp;line</source>
            <extracomment>Characters of a heading shown in the list (the tooltip has all of it). The panel's actions: rows like the window's action table, created by ``install_outline`` and handled by ``OutlineCommands``.</extracomment>
            <translation>개요(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="71" />
            <source>List the post's headings; move whole sections</source>
            <translation>글의 제목을 차례로 보고 절을 통째로 옮기기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="73" />
            <source>&amp;Move Section Up</source>
            <translation>절 위로 옮기기(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="75" />
            <source>Swap the section at the cursor with the one above it</source>
            <translation>커서가 있는 절을 바로 위 절과 맞바꾸기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="77" />
            <source>Move Section &amp;Down</source>
            <translation>절 아래로 옮기기(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="79" />
            <source>Swap the section at the cursor with the one below it</source>
            <translation>커서가 있는 절을 바로 아래 절과 맞바꾸기</translation>
        </message>
    </context>
    <context>
        <name>Authoring</name>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="136" />
            <source>Apply “{name}” to the selection; again removes it</source>
            <extracomment>The preset list changed (edited in the preset dialog); carries the new list. Called with (menu, click position or None) to add entries (spelling's go on top).</extracomment>
            <translation>선택한 부분에 “{name}” 적용 (한 번 더 하면 해제)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="175" />
            <source>Highlight Presets</source>
            <translation>강조 프리셋</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="211" />
            <source>“{name}” needs text to apply to: the selection holds only markup.</source>
            <translation>“{name}”을(를) 적용할 글자가 없습니다: 선택한 부분에는 태그만 있습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="250" />
            <source>Section heading</source>
            <translation>섹션 제목</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="292" />
            <source>Insert Link</source>
            <translation>링크 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="306" />
            <source>Insert Lead Image</source>
            <translation>대표 이미지 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="369" />
            <source>Insert Signature</source>
            <translation>서명 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="389" />
            <location filename="../../editor/ui/authoring/commands.py" line="392" />
            <source>Paste Picture</source>
            <translation>그림 붙여넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="400" />
            <source>Insert Picture</source>
            <translation>그림 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="434" />
            <source>{count} pasted picture left out: save the post inside a Jekyll site (a folder with _config.yml) to keep pasted pictures in its assets/images folder.</source>
            <translation>붙여넣은 그림 {count}개를 넣지 않았습니다: 글을 Jekyll 사이트(_config.yml이 있는 폴더) 안에 저장하면 그림을 사이트의 assets/images 폴더에 보관합니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="437" />
            <source>{count} pasted pictures left out: save the post inside a Jekyll site (a folder with _config.yml) to keep pasted pictures in its assets/images folder.</source>
            <translation>붙여넣은 그림 {count}개를 넣지 않았습니다: 글을 Jekyll 사이트(_config.yml이 있는 폴더) 안에 저장하면 그림을 사이트의 assets/images 폴더에 보관합니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="390" />
            <source>The clipboard's picture could not be read.</source>
            <translation>클립보드의 그림을 읽지 못했습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="410" />
            <source>Pictures put into a post are kept in the assets/images folder of a Jekyll site. Save the post inside a site (a folder with _config.yml) first.</source>
            <translation>글에 넣는 그림은 Jekyll 사이트의 assets/images 폴더에 저장됩니다. 먼저 글을 사이트(_config.yml이 있는 폴더) 안에 저장하세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="418" />
            <source>Describe the picture in the alt text: the preview shows it offline and screen readers read it aloud.</source>
            <translation>대체 텍스트로 그림을 설명하세요. 오프라인 미리보기에 보이고 화면 낭독기가 읽어 줍니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="423" />
            <source>Could not save the picture: {problem}</source>
            <translation>그림을 저장하지 못했습니다: {problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="441" />
            <source>not a picture a browser shows</source>
            <translation>브라우저가 보여 주는 그림 형식이 아닙니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="443" />
            <source>{count} pasted picture left out: {problem}</source>
            <translation>붙여넣은 그림 {count}개를 넣지 않았습니다: {problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="444" />
            <source>{count} pasted pictures left out: {problem}</source>
            <translation>붙여넣은 그림 {count}개를 넣지 않았습니다: {problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/commands.py" line="447" />
            <source>Saved {files} in assets/images.</source>
            <translation>{files}을(를) assets/images에 저장했습니다.</translation>
        </message>
    </context>
    <context>
        <name>Autosaver</name>
        <message>
            <location filename="../../editor/ui/lifecycle/autosave.py" line="183" />
            <source>The recovery copy could not be written: {problem}</source>
            <translation>복구용 사본을 쓰지 못했습니다: {problem}</translation>
        </message>
    </context>
    <context>
        <name>BatchExportDialog</name>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="57" />
            <location filename="../../editor/ui/export/batch_dialog.py" line="164" />
            <location filename="../../editor/ui/export/batch_dialog.py" line="223" />
            <source>Export Folder</source>
            <extracomment>One file was handled (the batch's Progress); also while the progress dialog shows.</extracomment>
            <translation>폴더 내보내기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="83" />
            <source>Folder of Posts</source>
            <translation>글 폴더</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="84" />
            <source>Output Folder</source>
            <translation>출력 폴더</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="86" />
            <source>&amp;Posts in:</source>
            <translation>글 폴더(&amp;P):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="89" />
            <source>Export &amp;as:</source>
            <translation>내보낼 형식(&amp;A):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="97" />
            <source>&amp;Export</source>
            <translation>내보내기(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="114" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="131" />
            <source>&amp;Site folder:</source>
            <translation>사이트 폴더(&amp;S):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="132" />
            <source>&amp;Output folder:</source>
            <translation>출력 폴더(&amp;O):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="145" />
            <source>Could Not Export</source>
            <translation>내보낼 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="150" />
            <source>“{path}” is not a folder.</source>
            <translation>“{path}”은(는) 폴더가 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="153" />
            <source>Choose the output folder.</source>
            <translation>출력 폴더를 고르세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="158" />
            <source>There are no posts (*.md, *.markdown, *.html) in “{path}”.</source>
            <translation>“{path}”에 글(*.md, *.markdown, *.html)이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="162" />
            <source>Exporting…</source>
            <translation>내보내는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="162" />
            <source>Cancel</source>
            <translation>취소</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="175" />
            <source>{done} of {total}: {name}</source>
            <translation>{total}개 중 {done}번째: {name}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="209" />
            <source>{exported} exported, {failed} failed.</source>
            <translation>{exported}개 내보냄, {failed}개 실패.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="213" />
            <source>Cancelled: {count} not done.</source>
            <translation>취소됨: {count}개는 하지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="218" />
            <source>{name}: {reason}</source>
            <translation>{name}: {reason}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/batch_dialog.py" line="230" />
            <source>… and {count} more (see the details).</source>
            <translation>… 외 {count}개 (자세히 보기 참고).</translation>
        </message>
    </context>
    <context>
        <name>BigFileLoader</name>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="158" />
            <source>Opening…</source>
            <translation>여는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="161" />
            <source>Opening “{name}”…</source>
            <translation>“{name}” 여는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="173" />
            <source>Still opening “{name}”: the text can be edited once it has loaded.</source>
            <translation>“{name}”을(를) 여는 중입니다. 다 읽으면 편집할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="192" />
            <source>Could Not Open File</source>
            <translation>파일을 열 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="193" />
            <source>“{name}” could not be opened.

{problem}</source>
            <translation>“{name}”을(를) 열 수 없습니다.

{problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="208" />
            <source>Opening… %p%</source>
            <translation>여는 중… %p%</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/big_file.py" line="243" />
            <source>Opened “{name}”</source>
            <translation>“{name}”을(를) 열었습니다</translation>
        </message>
    </context>
    <context>
        <name>BodyConverter</name>
        <message>
            <location filename="../../editor/ui/export/convert_body.py" line="106" />
            <source>Markdown</source>
            <extracomment>The body format changed through a conversion, its undo or its redo.</extracomment>
            <translation>Markdown</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/convert_body.py" line="106" />
            <source>HTML</source>
            <translation>HTML</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/convert_body.py" line="110" />
            <source>The body is already in {format}.</source>
            <translation>본문이 이미 {format}입니다.</translation>
        </message>
    </context>
    <context>
        <name>BoolFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="199" />
            <source>Yes</source>
            <translation>예</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="199" />
            <source>No</source>
            <translation>아니요</translation>
        </message>
    </context>
    <context>
        <name>ChangedOnDiskBar</name>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="74" />
            <source>Reload</source>
            <translation>다시 읽기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="75" />
            <source>Load the file from disk; your edits are dropped</source>
            <translation>디스크의 파일을 읽습니다. 편집한 내용은 버려집니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="76" />
            <source>Keep Mine</source>
            <translation>내 것 유지</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="77" />
            <source>Keep your text; saving will replace the file</source>
            <translation>내 글을 유지합니다. 저장하면 파일을 바꿉니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="78" />
            <source>Compare…</source>
            <translation>비교…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="79" />
            <source>Save As…</source>
            <translation>다른 이름으로 저장…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="80" />
            <source>Dismiss</source>
            <translation>닫기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="95" />
            <source>“{name}” was changed on disk by another program. You have unsaved edits here.</source>
            <translation>다른 프로그램이 디스크의 “{name}” 파일을 바꿨습니다. 여기에는 저장하지 않은 편집이 있습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="102" />
            <source>“{name}” was deleted or renamed on disk. The text here is kept as unsaved; save it to write the file again.</source>
            <translation>디스크에서 “{name}” 파일이 삭제되었거나 이름이 바뀌었습니다. 여기의 글은 저장하지 않은 상태로 남아 있으니, 저장하면 파일을 다시 씁니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="110" />
            <source>“{name}” changed on disk but could not be read: {problem}</source>
            <translation>디스크의 “{name}” 파일이 바뀌었지만 읽을 수 없습니다: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ChecklistPanel</name>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="90" />
            <source>Publish Checklist</source>
            <extracomment>How often a check of a long post asks again whether the preview has finished rendering. The list was refreshed; carries the problems shown.</extracomment>
            <translation>발행 점검표</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="111" />
            <source>Click a problem to go to it</source>
            <translation>문제를 누르면 그 위치로 갑니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="150" />
            <source>Checking…</source>
            <translation>검사하는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="217" />
            <source>… and {count} more</source>
            <translation>… 외 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="222" />
            <source>Ready to publish: nothing to fix.</source>
            <translation>발행 준비 완료: 고칠 것이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="224" />
            <source>{errors}, {warnings}</source>
            <translation>{errors}, {warnings}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="225" />
            <source>{count} error</source>
            <translation>오류 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="225" />
            <source>{count} errors</source>
            <translation>오류 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="226" />
            <source>{count} warning</source>
            <translation>경고 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="227" />
            <source>{count} warnings</source>
            <translation>경고 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="237" />
            <source>{field}: {message}</source>
            <translation>{field}: {message}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/checklist_panel.py" line="240" />
            <source>Line {line}: {message}</source>
            <translation>{line}행: {message}</translation>
        </message>
    </context>
    <context>
        <name>Checks</name>
        <message>
            <location filename="../../editor/site/checks.py" line="35" />
            <source>The image file does not exist: {path}</source>
            <translation>이미지 파일이 없습니다: {path}</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="108" />
            <source>Front matter is not valid YAML: {problem}</source>
            <translation>머리말이 올바른 YAML이 아닙니다: {problem}</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="137" />
            <source>Jekyll skips '{name}': a post's file name must start with its date, YYYY-MM-DD-</source>
            <translation>Jekyll은 '{name}'을(를) 건너뜁니다: 글 파일 이름은 날짜(YYYY-MM-DD-)로 시작해야 합니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="144" />
            <source>'{date}' in the file name is not a real date</source>
            <translation>파일 이름의 '{date}'은(는) 있는 날짜가 아닙니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="164" />
            <source>The post has no title</source>
            <translation>글에 제목이 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="167" />
            <source>The title is a list, not text: the blog shows it oddly</source>
            <translation>제목이 글자가 아니라 목록입니다: 블로그에 이상하게 보입니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="172" />
            <source>No excerpt: listings will show the first paragraph</source>
            <translation>요약이 없습니다: 목록에는 첫 문단이 보입니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="177" />
            <source>The excerpt is empty</source>
            <translation>요약이 비어 있습니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="180" />
            <source>The excerpt has {count} characters; over {limit} get cut off</source>
            <translation>요약이 {count}자입니다. {limit}자를 넘으면 잘려 보입니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="187" />
            <source>The feature text differs from the excerpt</source>
            <translation>대표 문구가 요약과 다릅니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="301" />
            <source>&lt;{name}&gt; is never closed</source>
            <translation>&lt;{name}&gt; 태그가 닫히지 않았습니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="304" />
            <source>&lt;/{name}&gt; has no matching &lt;{name}&gt;</source>
            <translation>&lt;/{name}&gt;에 짝이 되는 &lt;{name}&gt;이(가) 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="311" />
            <source>An image has no source address</source>
            <translation>이미지에 주소(src)가 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="319" />
            <source>An image has no alt text</source>
            <translation>이미지에 대체 텍스트(alt)가 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="335" />
            <source>Still the template's sample text</source>
            <translation>아직 템플릿의 예시 글입니다</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="339" />
            <source>Still the template's sample text: “{text}”</source>
            <translation>아직 템플릿의 예시 글입니다: “{text}”</translation>
        </message>
        <message>
            <location filename="../../editor/site/checks.py" line="343" />
            <source>This heading repeats the title, which the theme already shows</source>
            <translation>이 제목은 글 제목을 되풀이합니다. 테마가 이미 글 제목을 보여 줍니다</translation>
        </message>
    </context>
    <context>
        <name>Chip</name>
        <message>
            <location filename="../../editor/ui/form/list_field.py" line="116" />
            <location filename="../../editor/ui/form/list_field.py" line="117" />
            <source>Remove “{item}”</source>
            <translation>“{item}” 빼기</translation>
        </message>
    </context>
    <context>
        <name>ChoiceFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="168" />
            <source>Not set</source>
            <translation>설정 안 함</translation>
        </message>
    </context>
    <context>
        <name>ColorButton</name>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="149" />
            <source>Highlight Colour</source>
            <extracomment>Picks a colour starting from the given one; None when cancelled. Replaceable in tests (the default is Qt's colour dialog with its alpha channel shown).</extracomment>
            <translation>강조 색</translation>
        </message>
    </context>
    <context>
        <name>DateFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="45" />
            <location filename="../../editor/ui/form/date_choice_fields.py" line="46" />
            <source>Give the post a date</source>
            <translation>글에 날짜 지정</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="53" />
            <source>No date</source>
            <translation>날짜 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="88" />
            <source>Not a date: “{text}” (kept as written)</source>
            <extracomment>The date in a ``_posts/YYYY-MM-DD-`` file name, shown while the key is absent.</extracomment>
            <translation>날짜가 아님: “{text}” (쓴 그대로 둠)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/date_choice_fields.py" line="98" />
            <source>From the file name: Jekyll dates the post {date}. Tick the box to write a date here instead.</source>
            <translation>파일 이름에서: Jekyll은 이 글의 날짜를 {date}(으)로 봅니다. 여기에 날짜를 쓰려면 상자를 체크하세요.</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="41" />
            <source>Posts (*.md *.markdown *.html *.htm)</source>
            <translation>글 (*.md *.markdown *.html *.htm)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="42" />
            <source>All files (*)</source>
            <translation>모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="50" />
            <location filename="../../editor/ui/shell/dialogs.py" line="73" />
            <source>Unsaved Changes</source>
            <translation>저장하지 않은 변경</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="51" />
            <source>Save the changes to “{name}”?</source>
            <translation>“{name}”의 변경 내용을 저장할까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="53" />
            <location filename="../../editor/ui/shell/dialogs.py" line="76" />
            <source>Your changes will be lost if you don’t save them.</source>
            <translation>저장하지 않으면 변경 내용이 사라집니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="74" />
            <source>Save the changes to these {count} posts?</source>
            <translation>글 {count}개의 바뀐 내용을 저장할까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="78" />
            <source>&amp;Save All</source>
            <translation>모두 저장(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="79" />
            <source>&amp;Discard All</source>
            <translation>모두 버리기(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="93" />
            <source>Revert</source>
            <translation>되돌리기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="94" />
            <source>Drop your unsaved changes and reload “{name}” from disk?</source>
            <translation>저장하지 않은 변경을 버리고 디스크에서 “{name}”을(를) 다시 읽을까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="114" />
            <source>Open Post</source>
            <translation>글 열기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="122" />
            <source>Save Post As</source>
            <translation>다른 이름으로 글 저장</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="130" />
            <source>New Post</source>
            <translation>새 글</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="132" />
            <source>Start from a template:</source>
            <translation>시작할 템플릿:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="155" />
            <source>News article</source>
            <translation>뉴스 기사</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="156" />
            <source>Plain Markdown post</source>
            <translation>일반 Markdown 글</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="306" />
            <source>About Article Editor</source>
            <translation>Article Editor 정보</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="307" />
            <source>&lt;b&gt;Article Editor&lt;/b&gt; {version}&lt;br&gt;Edit blog posts kept as files: front matter, body and a faithful preview.</source>
            <translation>&lt;b&gt;Article Editor&lt;/b&gt; {version}&lt;br&gt;파일로 보관하는 블로그 글을 편집합니다: 머리말, 본문, 그리고 실제와 같은 미리 보기.</translation>
        </message>
    </context>
    <context>
        <name>DiffView</name>
        <message>
            <location filename="../../editor/ui/source/diff_view.py" line="61" />
            <source>The two versions are the same.</source>
            <translation>두 버전이 같습니다.</translation>
        </message>
    </context>
    <context>
        <name>ExportCommands</name>
        <message>
            <location filename="../../editor/ui/export/commands.py" line="90" />
            <source>Exported to {path}</source>
            <translation>{path}(으)로 내보냈습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/commands.py" line="118" />
            <source>Could Not Copy</source>
            <translation>복사할 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/commands.py" line="121" />
            <source>Copied for a blog editor: paste it into the editor's visual mode.</source>
            <translation>블로그 편집기용으로 복사했습니다. 편집기의 기본(보이는 그대로) 모드에 붙여 넣으세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/commands.py" line="136" />
            <source>Could Not Convert</source>
            <translation>변환할 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/commands.py" line="141" />
            <source>The body is now {format}; Undo brings the old one back.</source>
            <translation>본문이 이제 {format}입니다. 실행 취소하면 이전 본문으로 돌아갑니다.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="63" />
            <source>Checklist Errors</source>
            <translation>점검표 오류</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="72" />
            <source>Publish Anyway</source>
            <translation>그래도 발행</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="82" />
            <source>Line {line}: {message}</source>
            <translation>{line}행: {message}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="103" />
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="130" />
            <source>&amp;Browse…</source>
            <translation>찾아보기(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="137" />
            <source>Exporting…</source>
            <translation>내보내는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="151" />
            <source>&amp;Export</source>
            <translation>내보내기(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="159" />
            <source>Export &amp;as:</source>
            <translation>내보낼 형식(&amp;A):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="211" />
            <source>untitled</source>
            <translation>제목-없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="227" />
            <source>Site &amp;folder:</source>
            <translation>사이트 폴더(&amp;F):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="227" />
            <source>Save &amp;to:</source>
            <translation>저장 위치(&amp;T):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="254" />
            <source>One page with the theme's styles, title, description and social-media tags.</source>
            <translation>테마 스타일, 제목, 설명, 소셜 미디어 태그를 담은 페이지 하나입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="256" />
            <source>The body with every style written on its elements, for a blog platform's HTML mode or a newsletter.</source>
            <translation>모든 스타일을 요소에 직접 적은 본문입니다. 블로그의 HTML 모드나 뉴스레터에 씁니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="258" />
            <source>A printable document with the Korean fonts embedded.</source>
            <translation>한글 글꼴을 포함한 인쇄용 문서입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="259" />
            <source>A copy of the post with its body rewritten as Markdown; the front matter stays as it is.</source>
            <translation>본문을 Markdown으로 다시 쓴 글의 사본입니다. 머리말은 그대로입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="261" />
            <source>A copy of the post with its body rewritten as HTML; the front matter stays as it is.</source>
            <translation>본문을 HTML로 다시 쓴 글의 사본입니다. 머리말은 그대로입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="263" />
            <source>A dated copy in the site's _posts folder, after the publish checklist.</source>
            <translation>발행 점검표를 거친 뒤 사이트의 _posts 폴더에 날짜를 붙여 넣는 사본입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="292" />
            <source>Web pages (*.html *.htm)</source>
            <translation>웹 페이지 (*.html *.htm)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="293" />
            <source>PDF documents (*.pdf)</source>
            <translation>PDF 문서 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="294" />
            <source>Markdown posts (*.md *.markdown)</source>
            <translation>Markdown 글 (*.md *.markdown)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="297" />
            <source>Export To</source>
            <translation>내보낼 위치</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="298" />
            <source>All files (*)</source>
            <translation>모든 파일 (*)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="305" />
            <source>Choose the Site Folder</source>
            <translation>사이트 폴더 선택</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="329" />
            <source>Replace File</source>
            <translation>파일 바꾸기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="330" />
            <source>“{name}” already exists. Replace it?</source>
            <translation>“{name}” 파일이 이미 있습니다. 바꿀까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="315" />
            <location filename="../../editor/ui/export/dialog.py" line="341" />
            <source>Could Not Export</source>
            <translation>내보낼 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="67" />
            <source>The publish checklist found {count} error. Publish anyway?</source>
            <translation>발행 점검표에서 오류 {count}개를 찾았습니다. 그래도 발행할까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="69" />
            <source>The publish checklist found {count} errors. Publish anyway?</source>
            <translation>발행 점검표에서 오류 {count}개를 찾았습니다. 그래도 발행할까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="317" />
            <source>Choose where the export should go.</source>
            <translation>내보낼 위치를 고르세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="321" />
            <source>The export would replace the post itself; choose another name.</source>
            <translation>내보내면 글 파일 자체를 덮어씁니다. 다른 이름을 고르세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/dialog.py" line="325" />
            <source>“{path}” is a folder; add a file name.</source>
            <translation>“{path}”은(는) 폴더입니다. 파일 이름을 붙이세요.</translation>
        </message>
    </context>
    <context>
        <name>ExportOptionsBox</name>
        <message>
            <location filename="../../editor/ui/export/options.py" line="41" />
            <source>Embed local images in the page</source>
            <translation>로컬 이미지를 페이지에 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="43" />
            <source>One file that carries its pictures: local images become data: addresses</source>
            <translation>그림까지 담은 파일 하나: 로컬 이미지를 data: 주소로 바꿉니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="47" />
            <source>Include title, lead and feature image</source>
            <translation>제목, 요약, 대표 이미지 포함</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="53" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="54" />
            <source>Letter</source>
            <translation>레터</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="58" />
            <source>Fetch web images (needs the network)</source>
            <translation>웹 이미지 가져오기 (네트워크 필요)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="60" />
            <source>Otherwise web images print as labelled boxes</source>
            <translation>아니면 웹 이미지는 이름표가 붙은 상자로 인쇄됩니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="72" />
            <source>&amp;Theme:</source>
            <translation>테마(&amp;T):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="75" />
            <source>Pa&amp;per:</source>
            <translation>용지(&amp;P):</translation>
        </message>
    </context>
    <context>
        <name>ExportTargets</name>
        <message>
            <location filename="../../editor/ui/export/options.py" line="107" />
            <source>Web page (HTML with styles)</source>
            <translation>웹 페이지 (스타일을 포함한 HTML)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="108" />
            <source>Paste-ready HTML (inline styles)</source>
            <translation>붙여 넣기용 HTML (인라인 스타일)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="109" />
            <source>PDF</source>
            <translation>PDF</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="110" />
            <source>Post with the body in Markdown</source>
            <translation>본문을 Markdown으로 바꾼 글</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="111" />
            <source>Post with the body in HTML</source>
            <translation>본문을 HTML로 바꾼 글</translation>
        </message>
        <message>
            <location filename="../../editor/ui/export/options.py" line="112" />
            <source>Copy into the site's _posts</source>
            <translation>사이트의 _posts에 복사</translation>
        </message>
    </context>
    <context>
        <name>FileCommands</name>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="107" />
            <source>Untitled</source>
            <extracomment>The folder part of an Open Recent entry is elided in the middle beyond this width. File &gt; Close put an empty untitled post in place: the window shows its start page.</extracomment>
            <translation>제목 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="133" />
            <source>Could Not Open Template</source>
            <translation>템플릿을 열 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="163" />
            <source>Could Not Open File</source>
            <translation>파일을 열 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="164" />
            <source>“{name}” could not be opened.

{problem}</source>
            <translation>“{name}”을(를) 열 수 없습니다.

{problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="194" />
            <source>No recent files</source>
            <translation>최근 파일 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="196" />
            <source>Clear Recent Files</source>
            <translation>최근 파일 목록 지우기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="204" />
            <source>The recent files list is empty.</source>
            <translation>최근 파일 목록을 비웠습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="210" />
            <source>File Not Found</source>
            <translation>파일을 찾을 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="211" />
            <source>“{name}” no longer exists; it was removed from the recent files.</source>
            <translation>“{name}”이(가) 더 이상 없어 최근 파일 목록에서 뺐습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="244" />
            <location filename="../../editor/ui/shell/file_commands.py" line="247" />
            <source>Could Not Save</source>
            <translation>저장할 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="252" />
            <source>Saved {name}</source>
            <translation>{name} 저장함</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="270" />
            <source>untitled</source>
            <translation>제목-없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/file_commands.py" line="292" />
            <source>Could Not Revert</source>
            <translation>되돌릴 수 없음</translation>
        </message>
    </context>
    <context>
        <name>FileWatch</name>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="130" />
            <source>File Changed on Disk</source>
            <translation>디스크의 파일이 바뀜</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="131" />
            <source>“{name}” was changed on disk since you opened or saved it.</source>
            <translation>“{name}” 파일을 열거나 저장한 뒤 디스크에서 파일이 바뀌었습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="133" />
            <source>Overwrite it with your text, save your text elsewhere, or cancel?</source>
            <translation>내 글로 덮어쓸까요, 다른 곳에 저장할까요, 아니면 취소할까요?</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="135" />
            <source>Overwrite</source>
            <translation>덮어쓰기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="137" />
            <source>Save As…</source>
            <translation>다른 이름으로 저장…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="267" />
            <source>Could Not Read File</source>
            <translation>파일을 읽을 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="270" />
            <source>on disk</source>
            <translation>디스크의 파일</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="270" />
            <source>your text</source>
            <translation>내 글</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="271" />
            <source>Changes: {name}</source>
            <translation>바뀐 내용: {name}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/file_watch.py" line="296" />
            <source>Reloaded “{name}”: it was changed on disk.</source>
            <translation>디스크에서 바뀐 “{name}” 파일을 다시 읽었습니다.</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceBar</name>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="65" />
            <source>Find</source>
            <extracomment>The find and replace fields are never narrower than this many "M"s. Pause after typing (in the editor or the find field) before matches are recounted. The bar was closed (Escape or the close button). A one-off report for the window's status bar ("Replaced 3 occurrences").</extracomment>
            <translation>찾기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="68" />
            <source>Replace with</source>
            <translation>바꿀 내용</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="70" />
            <source>With regular expressions, \1 or \g&lt;name&gt; insert a captured group.</source>
            <translation>정규식에서는 \1 또는 \g&lt;name&gt;으로 캡처한 그룹을 넣습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="72" />
            <source>Regex</source>
            <translation>정규식</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="73" />
            <source>Treat the search text as a regular expression</source>
            <translation>찾을 내용을 정규식으로 처리</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="74" />
            <source>Match case</source>
            <translation>대소문자 구분</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="75" />
            <source>Whole word</source>
            <translation>단어 단위로</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="76" />
            <source>Previous</source>
            <translation>이전</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="77" />
            <source>Find previous (Shift+Enter, Shift+F3)</source>
            <translation>이전 찾기 (Shift+Enter, Shift+F3)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="78" />
            <source>Next</source>
            <translation>다음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="79" />
            <source>Find next (Enter, F3)</source>
            <translation>다음 찾기 (Enter, F3)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="80" />
            <source>Replace</source>
            <translation>바꾸기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="81" />
            <source>Replace All</source>
            <translation>모두 바꾸기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="83" />
            <source>Close (Escape)</source>
            <translation>닫기 (Esc)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="223" />
            <source>Invalid regular expression: %1</source>
            <translation>잘못된 정규식: %1</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="249" />
            <source>No results</source>
            <translation>결과 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="251" />
            <source>%1 of %2</source>
            <translation>%2개 중 %1번째</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="254" />
            <source>(wrapped)</source>
            <translation>(처음부터 다시)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="256" />
            <source>%1 matches</source>
            <translation>%1개 찾음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="340" />
            <source>Nothing to replace</source>
            <translation>바꿀 것이 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="359" />
            <source>Replaced 1 occurrence</source>
            <translation>1곳을 바꿨습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/find_replace.py" line="360" />
            <source>Replaced {count} occurrences</source>
            <translation>{count}곳을 바꿨습니다</translation>
        </message>
    </context>
    <context>
        <name>FrontMatterForm</name>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="119" />
            <source>Front matter source</source>
            <translation>머리말 원문</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="120" />
            <source>Edit the front matter as YAML text</source>
            <translation>머리말을 YAML 텍스트로 편집</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="126" />
            <source>Front matter</source>
            <translation>머리말</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="146" />
            <source>Other fields</source>
            <translation>기타 항목</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="148" />
            <source>Front-matter keys this form has no field for. Values are YAML, e.g. [a, b] or 2024-01-01.</source>
            <translation>이 양식에 입력란이 없는 머리말 키입니다. 값은 YAML로 씁니다(예: [a, b], 2024-01-01).</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="167" />
            <source>No front matter yet: type YAML here (for example, title: My post).</source>
            <translation>머리말이 아직 없습니다. 여기에 YAML을 입력하세요(예: title: 내 글).</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="215" />
            <source>The site's form description was not used: {error}</source>
            <translation>사이트의 양식 설명을 쓰지 못했습니다: {error}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="333" />
            <source>Same as {field}</source>
            <translation>{field} 내용과 같게</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="366" />
            <source>The front matter is not valid YAML (line {line}, column {column}): {message}
The fields wait until it is fixed.</source>
            <translation>머리말이 올바른 YAML이 아닙니다({line}행 {column}열): {message}
고칠 때까지 입력란은 기다립니다.</translation>
        </message>
    </context>
    <context>
        <name>Highlights</name>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="300" />
            <source>Red emphasis</source>
            <translation>빨간 강조</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="301" />
            <source>Blue emphasis</source>
            <translation>파란 강조</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="302" />
            <source>Marker</source>
            <translation>형광펜</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="303" />
            <source>Bold</source>
            <translation>굵게</translation>
        </message>
        <message>
            <location filename="../../editor/authoring/highlight_scan.py" line="28" />
            <source>Empty highlight: nothing between the tags</source>
            <translation>빈 강조: 태그 사이에 글자가 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/authoring/highlight_scan.py" line="30" />
            <source>Nested inside another highlight</source>
            <translation>다른 강조 안에 들어 있습니다</translation>
        </message>
        <message>
            <location filename="../../editor/authoring/highlight_scan.py" line="32" />
            <source>Coloured but not bold: matches no preset</source>
            <translation>색은 있지만 굵지 않음: 맞는 프리셋이 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/authoring/highlight_scan.py" line="34" />
            <source>Text colour {color} matches no preset</source>
            <translation>글자 색 {color}에 맞는 프리셋이 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/authoring/highlight_scan.py" line="35" />
            <source>Background colour {color} matches no preset</source>
            <translation>배경 색 {color}에 맞는 프리셋이 없습니다</translation>
        </message>
    </context>
    <context>
        <name>HighlightsPanel</name>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="143" />
            <source>&amp;Group</source>
            <extracomment>Characters of a phrase shown in the list (the tooltip has the whole phrase). Longer bodies are scanned in a worker thread (a 4 MB body takes about a second). How often a background scan asks again whether the preview has finished rendering. At most this many phrases are listed; the counts always cover every highlight. An entry was chosen: (body offset of the phrase start, 1-based body line).</extracomment>
            <translation>묶기(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="144" />
            <source>Group the phrases by preset</source>
            <translation>구절을 프리셋별로 묶기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="159" />
            <source>Phrase</source>
            <translation>구절</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="159" />
            <source>Line</source>
            <translation>줄</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="308" />
            <source>All highlights ({count})</source>
            <translation>모든 강조 ({count})</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="313" />
            <source>No preset ({count})</source>
            <translation>프리셋 없음 ({count})</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="317" />
            <source>With warnings ({count})</source>
            <translation>경고 있음 ({count})</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="321" />
            <source>{count} highlight</source>
            <translation>강조 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="322" />
            <source>{count} highlights</source>
            <translation>강조 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="324" />
            <source>{count} warning</source>
            <translation>경고 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="325" />
            <source>{count} warnings</source>
            <translation>경고 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="350" />
            <source>No preset</source>
            <translation>프리셋 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="389" />
            <source>… {count} more: choose a preset above to narrow the list</source>
            <translation>… {count}개 더 있음: 위에서 프리셋을 골라 목록을 좁히세요</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="404" />
            <source>(empty)</source>
            <translation>(비어 있음)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/highlights_panel.py" line="487" />
            <source>Highlights in This Post</source>
            <translation>이 글의 강조</translation>
        </message>
    </context>
    <context>
        <name>ImageDialog</name>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="127" />
            <source>Insert Lead Image</source>
            <translation>대표 이미지 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="134" />
            <source>&amp;Local file, copied into the site</source>
            <extracomment>Picks a local image; replaceable in tests (default: a file dialog).</extracomment>
            <translation>로컬 파일, 사이트에 복사(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="138" />
            <source>&amp;Browse…</source>
            <translation>찾아보기(&amp;B)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="147" />
            <source>&amp;Web address</source>
            <translation>웹 주소(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="156" />
            <source>What the picture shows (required)</source>
            <translation>그림에 보이는 것 (필수)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="157" />
            <source>&amp;Alt text:</source>
            <translation>대체 텍스트(&amp;A):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="158" />
            <source>Also use as the post’s &amp;feature image</source>
            <translation>글의 대표 이미지로도 쓰기(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="169" />
            <source>Save the post inside a Jekyll site (a folder with _config.yml) to copy pictures into its assets/images folder.</source>
            <translation>그림을 assets/images 폴더에 복사하려면 글을 Jekyll 사이트(_config.yml이 있는 폴더) 안에 저장하세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="176" />
            <source>Copied to {folder}; the post refers to it as /assets/images/….</source>
            <translation>{folder}에 복사하고, 글에서는 /assets/images/…로 가리킵니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="190" />
            <source>Choose a Picture</source>
            <translation>그림 고르기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="191" />
            <source>Images ({patterns})</source>
            <translation>이미지 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="207" />
            <source>The file does not exist.</source>
            <translation>파일이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="215" />
            <source>Only web (http, https) addresses can be used.</source>
            <translation>웹 주소(http, https)만 쓸 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="217" />
            <source>Describe the picture in the alt text: the preview shows it offline and screen readers read it aloud.</source>
            <translation>대체 텍스트로 그림을 설명하세요. 오프라인 미리보기에 보이고 화면 낭독기가 읽어 줍니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="236" />
            <source>Could not copy the picture: {problem}</source>
            <translation>그림을 복사하지 못했습니다: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ImageFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="88" />
            <source>https://… or a file</source>
            <translation>https://… 또는 파일</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="91" />
            <source>Browse…</source>
            <translation>찾아보기…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="92" />
            <source>Choose an image file</source>
            <translation>이미지 파일 선택</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="123" />
            <location filename="../../editor/ui/form/image_field.py" line="175" />
            <source>No image</source>
            <translation>이미지 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="154" />
            <source>Images ({patterns})</source>
            <translation>이미지 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="155" />
            <source>Choose an image</source>
            <translation>이미지 선택</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="178" />
            <source>Offline: web image not loaded</source>
            <translation>오프라인: 웹 이미지를 불러오지 않음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="186" />
            <source>Image file not found</source>
            <translation>이미지 파일을 찾을 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="193" />
            <source>Loading image…</source>
            <translation>이미지 불러오는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/image_field.py" line="238" />
            <source>Web image could not be loaded</source>
            <translation>웹 이미지를 불러올 수 없음</translation>
        </message>
    </context>
    <context>
        <name>LineFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/widgets.py" line="196" />
            <source>This field is required.</source>
            <translation>꼭 입력해야 하는 항목입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/widgets.py" line="201" />
            <source>This is a YAML list, not text, and would publish oddly. Typing here replaces it with text.</source>
            <translation>YAML 목록이라 글자가 아니어서 발행하면 이상하게 보입니다. 여기에 입력하면 글자로 바뀝니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/widgets.py" line="206" />
            <source>{count} characters; more than {limit} may be cut short.</source>
            <translation>{count}자: {limit}자를 넘으면 잘릴 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>LinkDialog</name>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="65" />
            <source>Insert Link</source>
            <translation>링크 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="70" />
            <source>The address itself when left empty</source>
            <translation>비워 두면 주소를 그대로 씁니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="73" />
            <source>&amp;Text:</source>
            <translation>텍스트(&amp;T):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="74" />
            <source>&amp;Address:</source>
            <translation>주소(&amp;A):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="94" />
            <source>Only web (http, https) and mail addresses can be linked.</source>
            <translation>웹 주소(http, https)와 메일 주소만 링크할 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>ListFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/list_field.py" line="135" />
            <source>Add a category…</source>
            <translation>카테고리 추가…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/list_field.py" line="137" />
            <source>Add a tag…</source>
            <translation>태그 추가…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/list_field.py" line="139" />
            <source>Add an item…</source>
            <translation>항목 추가…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../editor/ui/shell/main_window.py" line="285" />
            <source>The front matter is not valid YAML (line {line}, column {column}): it is shown as source and saved exactly as it is.</source>
            <translation>머리말이 올바른 YAML이 아닙니다({line}행 {column}열). 원문으로 표시하며 저장할 때도 그대로 씁니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/main_window.py" line="313" />
            <source>Opening {name}…</source>
            <translation>{name} 여는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/main_window.py" line="203" />
            <location filename="../../editor/ui/shell/main_window.py" line="317" />
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="14" />
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="15" />
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="16" />
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="17" />
            <source>F&amp;ormat</source>
            <translation>서식(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="18" />
            <source>&amp;Insert</source>
            <translation>삽입(&amp;I)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="19" />
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/actions.py" line="51" />
            <source>Open &amp;Recent</source>
            <extracomment>The components that own actions (the keys ``build`` expects in its ``owners``).</extracomment>
            <translation>최근 파일 열기(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/window_bars.py" line="42" />
            <source>Main Toolbar</source>
            <translation>기본 도구 모음</translation>
        </message>
    </context>
    <context>
        <name>OtherFieldsTable</name>
        <message>
            <location filename="../../editor/ui/form/other_fields.py" line="97" />
            <source>Key</source>
            <translation>키</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/other_fields.py" line="97" />
            <source>Value (YAML)</source>
            <translation>값 (YAML)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/other_fields.py" line="108" />
            <source>Add field</source>
            <translation>항목 추가</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/other_fields.py" line="109" />
            <source>Remove field</source>
            <translation>항목 삭제</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/other_fields.py" line="257" />
            <location filename="../../editor/ui/form/other_fields.py" line="280" />
            <source>Not valid YAML: {reason}</source>
            <translation>올바른 YAML이 아님: {reason}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/other_fields.py" line="272" />
            <source>The key “{key}” is already used.</source>
            <translation>“{key}” 키는 이미 쓰고 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>OutlinePanel</name>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="117" />
            <source>Move the current section up</source>
            <extracomment>A heading was chosen: (body offset of the heading, 1-based body line). The section at the cursor changed (its heading index, -1 before the first).</extracomment>
            <translation>현재 절을 위로 옮기기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="119" />
            <source>Move the current section down</source>
            <translation>현재 절을 아래로 옮기기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="127" />
            <source>Heading</source>
            <translation>제목</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="127" />
            <source>Line</source>
            <translation>줄</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="255" />
            <source>{count} headings</source>
            <translation>제목 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="256" />
            <source>No headings</source>
            <translation>제목이 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="271" />
            <source>(empty heading)</source>
            <translation>(빈 제목)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="275" />
            <source>Level {level}: {title}</source>
            <translation>{level}단계 제목: {title}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/outline_panel.py" line="404" />
            <source>Outline</source>
            <translation>개요</translation>
        </message>
    </context>
    <context>
        <name>PostTabs</name>
        <message>
            <location filename="../../editor/ui/shell/tabs.py" line="117" />
            <location filename="../../editor/ui/shell/tabs.py" line="207" />
            <source>Untitled</source>
            <extracomment>Shown after a post's name in its tab while it has unsaved changes.</extracomment>
            <translation>제목 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/tabs.py" line="314" />
            <source>Not reopened (no longer there): {names}</source>
            <translation>다시 열지 못했습니다(더 이상 없음): {names}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/tabs.py" line="345" />
            <source>Still opening {name}…</source>
            <translation>아직 {name}을(를) 여는 중…</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="187" />
            <source>Korean and English</source>
            <translation>한국어와 영어</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="188" />
            <source>English only</source>
            <translation>영어만</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="189" />
            <source>Korean only</source>
            <translation>한국어만</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="194" />
            <source>Korean and {dictionary}</source>
            <translation>한국어와 {dictionary}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="195" />
            <source>{dictionary} only</source>
            <translation>{dictionary}만</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="208" />
            <source>Preferences</source>
            <translation>환경 설정</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="215" />
            <source>Site (the post's own Jekyll site)</source>
            <translation>사이트 (글이 속한 Jekyll 사이트의 모습)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="219" />
            <source>Preview &amp;theme:</source>
            <translation>미리 보기 테마(&amp;T):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="222" />
            <source>System default</source>
            <translation>시스템 기본값</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="226" />
            <source>&amp;Language:</source>
            <translation>언어(&amp;L):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="227" />
            <source>A new language takes effect when the editor is restarted.</source>
            <translation>바꾼 언어는 편집기를 다시 시작하면 적용됩니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="233" />
            <source>Follow the system</source>
            <translation>시스템 설정 따르기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="234" />
            <source>Light</source>
            <translation>밝게</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="235" />
            <source>Dark</source>
            <translation>어둡게</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="238" />
            <source>&amp;Window colours:</source>
            <translation>창 색상(&amp;W):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="247" />
            <source>Used when neither the post's front matter nor the site's _config.yml names a lang</source>
            <translation>글의 머리말에도 사이트의 _config.yml에도 lang이 없을 때 씁니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="249" />
            <source>S&amp;pelling:</source>
            <translation>맞춤법(&amp;P):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="251" />
            <source>&amp;Offline preview (block every network request)</source>
            <translation>오프라인 미리 보기(&amp;O) (모든 네트워크 요청 차단)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="255" />
            <source>&amp;Wrap long lines in the source editor</source>
            <translation>소스 편집기에서 긴 줄 자동 줄 바꿈(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="259" />
            <source>&amp;Save the file by itself after each pause in typing</source>
            <translation>입력을 멈출 때마다 파일에 자동 저장(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="262" />
            <source>Unsaved text is always kept in the recovery journal; this also writes it to the post's file.</source>
            <translation>저장하지 않은 글은 언제나 복구 기록에 보관됩니다. 이 옵션을 켜면 글 파일에도 씁니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/dialogs.py" line="267" />
            <source>&amp;Reopen open posts on start</source>
            <translation>시작할 때 열려 있던 글 다시 열기(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>PresetDialog</name>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="164" />
            <source>Text colour</source>
            <translation>글자 색</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="165" />
            <source>Background colour</source>
            <translation>배경 색</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="166" />
            <source>Bold only</source>
            <translation>굵게만</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="185" />
            <source>Highlight Presets</source>
            <translation>강조 프리셋</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="193" />
            <source>Presets write the bold, coloured spans of your posts. Colours are shown as a browser paints them on a white page.</source>
            <translation>프리셋은 글에 굵고 색 있는 강조를 씁니다. 색은 브라우저가 흰 페이지에 칠하는 그대로 보여 줍니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="208" />
            <source>&amp;Add</source>
            <translation>추가(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="209" />
            <source>&amp;Delete</source>
            <translation>삭제(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="210" />
            <source>Move &amp;Up</source>
            <translation>위로(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="211" />
            <source>Move Do&amp;wn</source>
            <translation>아래로(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="214" />
            <source>Restore De&amp;faults</source>
            <translation>기본값으로(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="221" />
            <source>&amp;Name:</source>
            <translation>이름(&amp;N):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="225" />
            <source>&amp;Kind:</source>
            <translation>종류(&amp;K):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="227" />
            <source>&amp;Colour:</source>
            <translation>색(&amp;C):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="231" />
            <source>&amp;Shortcut:</source>
            <translation>단축키(&amp;S):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="234" />
            <source>Looks like:</source>
            <translation>보기:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="238" />
            <source>Writes:</source>
            <translation>쓰는 마크업:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="278" />
            <source>Keep at least one preset.</source>
            <translation>프리셋이 하나는 있어야 합니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="300" />
            <source>{key} is used by both “{a}” and “{b}”.</source>
            <translation>{key}를 “{a}”와 “{b}”가 함께 씁니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="303" />
            <source>{key} already belongs to “{command}”; it will not apply “{name}”.</source>
            <translation>{key}는 이미 “{command}”의 단축키라서 “{name}”에 쓰이지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="311" />
            <source>New preset</source>
            <translation>새 프리셋</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="347" />
            <source>Could not save the presets: {problem}</source>
            <translation>프리셋을 저장하지 못했습니다: {problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/preset_dialog.py" line="419" />
            <source>Sample text</source>
            <translation>보기 글</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../editor/ui/preview/pane.py" line="296" />
            <source>Image not available</source>
            <translation>이미지를 볼 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/pane.py" line="297" />
            <source>Embedded content is not shown in the preview</source>
            <translation>삽입된 콘텐츠는 미리 보기에 표시하지 않습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/pane.py" line="390" />
            <source>The preview could not be rendered: {error}</source>
            <translation>미리 보기를 만들 수 없습니다: {error}</translation>
        </message>
    </context>
    <context>
        <name>Prompter</name>
        <message>
            <location filename="../../editor/ui/shell/prompter.py" line="155" />
            <source>What the picture shows (alt text):</source>
            <translation>그림이 보여 주는 것(대체 텍스트):</translation>
        </message>
    </context>
    <context>
        <name>Publisher</name>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="43" />
            <source>&amp;Undo Publish</source>
            <translation>발행 취소(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="45" />
            <source>Move the post back into _drafts</source>
            <translation>글을 _drafts 폴더로 되돌리기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="62" />
            <source>This post is already in _posts: it is published</source>
            <translation>이 글은 이미 _posts에 있습니다: 발행된 글입니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="82" />
            <source>Could Not Publish</source>
            <translation>발행할 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="85" />
            <source>Save the post as a draft in the site's _drafts folder first.</source>
            <translation>먼저 글을 사이트의 _drafts 폴더에 초안으로 저장하세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="89" />
            <source>“{name}” is already in _posts: it is published.</source>
            <translation>“{name}”은(는) 이미 _posts에 있습니다: 발행된 글입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="93" />
            <source>Only drafts in a site's _drafts folder are published this way; “{name}” is not in one. File &gt; Export… can copy it into _posts.</source>
            <translation>이 방법으로는 사이트의 _drafts 폴더에 있는 초안만 발행합니다. “{name}”은(는) 그 폴더에 없습니다. 파일 &gt; 내보내기…로 _posts에 복사할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="109" />
            <source>Move “{source}” to “{target}”? Jekyll publishes it on the next build; Undo Publish moves it back.</source>
            <translation>“{source}”을(를) “{target}”(으)로 옮길까요? 다음 빌드 때 Jekyll이 발행합니다. 발행 취소로 되돌릴 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="112" />
            <source>Publish</source>
            <translation>발행</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="124" />
            <source>Published as {name}</source>
            <translation>{name}(으)로 발행했습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="138" />
            <source>Could Not Undo Publish</source>
            <translation>발행을 취소할 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/publishing.py" line="143" />
            <source>Moved back to {path}</source>
            <translation>{path}(으)로 되돌렸습니다</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="54" />
            <source>Recover Unsaved Text</source>
            <translation>저장하지 않은 글 복구</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="60" />
            <source>The editor was closed without saving these texts (a crash or a forced quit). Choose what to do with each one.</source>
            <translation>편집기가 이 글들을 저장하지 못하고 닫혔습니다(비정상 종료 또는 강제 종료). 글마다 어떻게 할지 고르세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="77" />
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="118" />
            <source>Restore</source>
            <translation>복구</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="78" />
            <source>Open the text as an unsaved document</source>
            <translation>저장하지 않은 문서로 글 열기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="79" />
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="118" />
            <source>Discard</source>
            <translation>버리기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="80" />
            <source>Delete the kept text</source>
            <translation>보관한 글 삭제</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="81" />
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="119" />
            <source>Later</source>
            <translation>나중에</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="82" />
            <source>Keep the text and ask again at the next start</source>
            <translation>글을 보관하고 다음에 시작할 때 다시 묻기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="102" />
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="123" />
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="138" />
            <source>Untitled (never saved)</source>
            <translation>제목 없음 (저장한 적 없음)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="139" />
            <source>Kept at {time}, {size} bytes</source>
            <translation>{time}에 보관, {size}바이트</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="143" />
            <source>The file no longer exists on disk.</source>
            <translation>디스크에 파일이 더 이상 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="145" />
            <source>The file on disk was changed after this text was written; compare before saving.</source>
            <translation>이 글을 보관한 뒤 디스크의 파일이 바뀌었습니다. 저장하기 전에 비교해 보세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/lifecycle/recovery_dialog.py" line="149" />
            <source>The text is the same as the file on disk.</source>
            <translation>디스크의 파일과 글이 같습니다.</translation>
        </message>
    </context>
    <context>
        <name>RenameDialog</name>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="50" />
            <source>Left untouched:</source>
            <translation>건드리지 않는 파일:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="65" />
            <source>Rename Category or Tag</source>
            <extracomment>The plan for the names shown is there (None: the names cannot be renamed).</extracomment>
            <translation>분류나 태그 이름 바꾸기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="75" />
            <source>Category</source>
            <translation>분류</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="76" />
            <source>Tag</source>
            <translation>태그</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="81" />
            <source>An existing name merges the two</source>
            <translation>이미 있는 이름이면 둘을 합칩니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="83" />
            <source>Rename a:</source>
            <translation>바꿀 종류:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="84" />
            <source>Old name:</source>
            <translation>지금 이름:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="85" />
            <source>New name:</source>
            <translation>새 이름:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="87" />
            <source>Show Changes</source>
            <translation>바뀔 내용 보기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="96" />
            <source>Rename</source>
            <translation>이름 바꾸기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="149" />
            <source>Give both the old and the new name.</source>
            <translation>지금 이름과 새 이름을 모두 적으세요.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="151" />
            <source>Reading every post and draft…</source>
            <translation>모든 글과 초안을 읽는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="166" />
            <source>No file has “{old}”: nothing to change.</source>
            <translation>“{old}”이(가) 있는 파일이 없습니다: 바꿀 것이 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="168" />
            <source>“{old}” will be merged into “{new}” in {count} file(s).</source>
            <translation>파일 {count}개에서 “{old}”을(를) “{new}”에 합칩니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="171" />
            <source>“{old}” will be renamed to “{new}” in {count} file(s).</source>
            <translation>파일 {count}개에서 “{old}”을(를) “{new}”(으)로 바꿉니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/rename_dialog.py" line="175" />
            <source>{left} file(s) will be left untouched (listed below).</source>
            <translation>파일 {left}개는 건드리지 않습니다(아래 목록).</translation>
        </message>
    </context>
    <context>
        <name>SignatureDialog</name>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="380" />
            <source>Signature</source>
            <translation>서명</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="382" />
            <source>Insert Signature writes this line at the end of the post, or updates the one already there.</source>
            <translation>서명 넣기는 이 줄을 글 끝에 쓰거나, 이미 있는 줄을 고칩니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="392" />
            <source>&amp;Text before the link:</source>
            <translation>링크 앞 글(&amp;T):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="393" />
            <source>&amp;Link text:</source>
            <translation>링크 글자(&amp;L):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="394" />
            <source>Link &amp;address:</source>
            <translation>링크 주소(&amp;A):</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="399" />
            <source>Writes:</source>
            <translation>쓰는 마크업:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="421" />
            <source>Only web (http, https) addresses can be linked.</source>
            <translation>웹 주소(http, https)만 링크할 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>SiteCommands</name>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="48" />
            <source>Open S&amp;ite…</source>
            <translation>사이트 열기(&amp;I)…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="50" />
            <source>List a Jekyll site's posts and drafts</source>
            <translation>Jekyll 사이트의 글과 초안을 목록으로 봅니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="52" />
            <source>Open This Post’s Si&amp;te</source>
            <translation>이 글의 사이트 열기(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="55" />
            <source>Undo Site Rename</source>
            <translation>사이트 이름 바꾸기 되돌리기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="91" />
            <source>Not a Jekyll Site</source>
            <translation>Jekyll 사이트가 아닙니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="92" />
            <source>“{folder}” has no _config.yml, _posts or _drafts.</source>
            <translation>“{folder}”에 _config.yml, _posts, _drafts가 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_commands.py" line="97" />
            <source>Site: {name}</source>
            <translation>사이트: {name}</translation>
        </message>
    </context>
    <context>
        <name>SiteLook</name>
        <message>
            <location filename="../../editor/ui/preview/site_look.py" line="130" />
            <source>Site look: jekyll is not installed.</source>
            <translation>사이트 모습: jekyll이 설치되어 있지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/site_look.py" line="135" />
            <source>Site look: the site could not be built: {error}</source>
            <translation>사이트 모습: 사이트를 빌드하지 못했습니다: {error}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/site_look.py" line="137" />
            <location filename="../../editor/ui/preview/site_look.py" line="146" />
            <source>Site look: building the site…</source>
            <translation>사이트 모습: 사이트를 빌드하는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/site_look.py" line="147" />
            <source>Site look: the site has no page for this post yet.</source>
            <translation>사이트 모습: 사이트에 아직 이 글의 페이지가 없습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/site_look.py" line="149" />
            <source>Site look: the last build failed: {error}</source>
            <translation>사이트 모습: 마지막 빌드가 실패했습니다: {error}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/preview/site_look.py" line="151" />
            <source>Site look: rebuilding the site…</source>
            <translation>사이트 모습: 사이트를 다시 빌드하는 중…</translation>
        </message>
    </context>
    <context>
        <name>SiteModel</name>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="32" />
            <source>Title</source>
            <translation>제목</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="33" />
            <source>Date</source>
            <translation>날짜</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="34" />
            <source>Categories</source>
            <translation>카테고리</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="35" />
            <source>Tags</source>
            <translation>태그</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="36" />
            <source>State</source>
            <translation>상태</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="37" />
            <source>Words</source>
            <translation>단어</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="38" />
            <source>Checklist</source>
            <translation>점검</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="43" />
            <source>Draft</source>
            <translation>초안</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="44" />
            <source>Published</source>
            <translation>공개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="45" />
            <source>Unpublished</source>
            <translation>비공개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="46" />
            <source>Invalid</source>
            <translation>잘못됨</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="63" />
            <source>OK</source>
            <translation>문제 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="66" />
            <source>1 error</source>
            <translation>오류 1개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="67" />
            <source>{count} errors</source>
            <translation>오류 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="69" />
            <source>1 warning</source>
            <translation>경고 1개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_model.py" line="70" />
            <source>{count} warnings</source>
            <translation>경고 {count}개</translation>
        </message>
    </context>
    <context>
        <name>SitePanel</name>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="80" />
            <source>Filter by title, path, category or tag</source>
            <extracomment>Called with a draft's path before it is published; False stops (the window saves the draft first when it is open with unsaved changes).</extracomment>
            <translation>제목, 경로, 분류, 태그로 거르기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="87" />
            <source>Any state</source>
            <translation>모든 상태</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="87" />
            <source>Drafts</source>
            <translation>초안</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="88" />
            <source>Published</source>
            <translation>공개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="89" />
            <source>Unpublished</source>
            <translation>비공개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="90" />
            <source>Invalid</source>
            <translation>잘못됨</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="92" />
            <source>Open</source>
            <translation>열기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="93" />
            <source>Publish…</source>
            <translation>발행…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="94" />
            <source>Rename Category or Tag…</source>
            <translation>분류나 태그 이름 바꾸기…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="108" />
            <source>Undo</source>
            <translation>되돌리기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="112" />
            <source>Hide this message</source>
            <translation>이 알림 숨기기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="186" />
            <source>Listing the posts…</source>
            <translation>글 목록을 만드는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="215" />
            <source>Could not list the site: {problem}</source>
            <translation>사이트 목록을 만들지 못했습니다: {problem}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="220" />
            <source>All categories</source>
            <translation>모든 분류</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="221" />
            <source>All tags</source>
            <translation>모든 태그</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="237" />
            <source>{shown} of {count} posts shown · {drafts} draft(s)</source>
            <translation>글 {count}개 중 {shown}개 표시 · 초안 {drafts}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="240" />
            <source>{count} with invalid front matter</source>
            <translation>머리말이 잘못된 글 {count}개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="242" />
            <source>checking…</source>
            <translation>점검 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="282" />
            <source>Publish “{title}”? The draft moves into _posts with today's date.</source>
            <translation>“{title}”을(를) 발행할까요? 초안이 오늘 날짜로 _posts에 옮겨집니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="284" />
            <source>Publish Draft</source>
            <translation>초안 발행</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="290" />
            <source>Could Not Publish</source>
            <translation>발행할 수 없음</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="293" />
            <source>Published “{title}” as {path}.</source>
            <translation>“{title}”을(를) {path}(으)로 발행했습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="317" />
            <source>Renaming “{old}” in {count} file(s)…</source>
            <translation>파일 {count}개에서 “{old}”의 이름을 바꾸는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="324" />
            <source>“{old}” renamed to “{new}” in {count} file(s).</source>
            <translation>파일 {count}개에서 “{old}”을(를) “{new}”(으)로 바꿨습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="340" />
            <source>Undoing the rename of “{old}”…</source>
            <translation>“{old}” 이름 바꾸기를 되돌리는 중…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="344" />
            <source>Rename undone: “{old}” is back in {count} file(s).</source>
            <translation>이름 바꾸기를 되돌렸습니다: 파일 {count}개에 “{old}”이(가) 돌아왔습니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/site/site_table.py" line="363" />
            <location filename="../../editor/ui/site/site_table.py" line="376" />
            <source>Some Files Were Left Unchanged</source>
            <translation>바꾸지 못한 파일이 있습니다</translation>
        </message>
    </context>
    <context>
        <name>SitePrompter</name>
        <message>
            <location filename="../../editor/ui/site/site_prompts.py" line="16" />
            <source>Open Site</source>
            <translation>사이트 열기</translation>
        </message>
    </context>
    <context>
        <name>SourceEditor</name>
        <message>
            <location filename="../../editor/ui/source/go_to_line.py" line="16" />
            <source>Go to Line</source>
            <translation>줄로 이동</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/go_to_line.py" line="19" />
            <source>Line number (1–%1):</source>
            <translation>줄 번호 (1–%1):</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <location filename="../../editor/ui/shell/start_page.py" line="38" />
            <source>No post is open</source>
            <translation>열린 글이 없습니다</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/start_page.py" line="42" />
            <source>New Post…</source>
            <translation>새 글…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/start_page.py" line="43" />
            <source>Open…</source>
            <translation>열기…</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/start_page.py" line="50" />
            <source>Recent files</source>
            <translation>최근 파일</translation>
        </message>
    </context>
    <context>
        <name>StatusFields</name>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="55" />
            <source>Ln {line}, Col {column}</source>
            <translation>{line}행, {column}열</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="61" />
            <source>Body format</source>
            <translation>본문 형식</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="67" />
            <source> with BOM</source>
            <translation> (BOM 포함)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="71" />
            <source>File encoding</source>
            <translation>파일 인코딩</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="75" />
            <source>{count} word</source>
            <translation>{count}단어</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="75" />
            <source>{count} words</source>
            <translation>{count}단어</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="76" />
            <source>{count} character</source>
            <translation>{count}자</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="77" />
            <source>{count} characters</source>
            <translation>{count}자</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="78" />
            <source>{words} · {chars} ({bare} without spaces)</source>
            <translation>{words} · {chars} (공백 제외 {bare}자)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/status.py" line="81" />
            <source>{minutes} min read</source>
            <translation>읽는 데 {minutes}분</translation>
        </message>
    </context>
    <context>
        <name>TableDialog</name>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="263" />
            <source>Edit Summary Table</source>
            <translation>요약 표 편집</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="264" />
            <source>Insert Summary Table</source>
            <translation>요약 표 넣기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="269" />
            <source>Column titles:</source>
            <translation>열 제목:</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="276" />
            <source>Key</source>
            <translation>키</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="276" />
            <source>Content</source>
            <translation>내용</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="286" />
            <source>&amp;Add Row</source>
            <translation>행 추가(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="287" />
            <source>&amp;Remove Row</source>
            <translation>행 삭제(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="288" />
            <source>Move &amp;Up</source>
            <translation>위로(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/authoring/block_dialogs.py" line="289" />
            <source>Move Do&amp;wn</source>
            <translation>아래로(&amp;W)</translation>
        </message>
    </context>
    <context>
        <name>TextFieldEditor</name>
        <message>
            <location filename="../../editor/ui/form/widgets.py" line="330" />
            <source>Characters: {count}</source>
            <translation>글자 수: {count}</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/widgets.py" line="334" />
            <source>Longer than {limit} characters; listings and search results may cut it short.</source>
            <translation>{limit}자보다 깁니다. 목록과 검색 결과에서 잘릴 수 있습니다.</translation>
        </message>
    </context>
    <context>
        <name>ViewCommands</name>
        <message>
            <location filename="../../editor/ui/shell/view_commands.py" line="129" />
            <source>Source {size} pt</source>
            <extracomment>Source font sizes a zoom step can reach (points), and one step. Preview zoom factors (Chromium's own limits are 0.25 .. 5).</extracomment>
            <translation>원본 {size}pt</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/view_commands.py" line="131" />
            <source>Preview {percent}%</source>
            <translation>미리 보기 {percent}%</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/view_commands.py" line="150" />
            <source>Keyboard Shortcuts</source>
            <translation>단축키 목록</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/view_commands.py" line="166" />
            <source>Menu</source>
            <translation>메뉴</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/view_commands.py" line="166" />
            <source>Command</source>
            <translation>명령</translation>
        </message>
        <message>
            <location filename="../../editor/ui/shell/view_commands.py" line="167" />
            <source>Shortcut</source>
            <translation>단축키</translation>
        </message>
    </context>
    <context>
        <name>WindowSpelling</name>
        <message>
            <location filename="../../editor/ui/source/spelling_window.py" line="53" />
            <source>Chec&amp;k Spelling</source>
            <extracomment>Suggestions offered in the context menu. Form fields whose text is prose: multi-line ones are underlined like the body, the one-line title by an overlay.</extracomment>
            <translation>맞춤법 검사(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/spelling_window.py" line="56" />
            <source>Underline misspelt words in Korean and English</source>
            <translation>한국어와 영어의 틀린 낱말에 밑줄 긋기</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/spelling_window.py" line="190" />
            <source>(No Suggestions)</source>
            <translation>(추천 낱말 없음)</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/spelling_window.py" line="193" />
            <source>Add to Dictionary</source>
            <translation>사전에 추가</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/spelling_window.py" line="196" />
            <source>Ignore in This Post</source>
            <translation>이 글에서 무시</translation>
        </message>
        <message>
            <location filename="../../editor/ui/source/spelling_window.py" line="234" />
            <source>Spelling is not checked: {problem}</source>
            <translation>맞춤법을 검사하지 않습니다: {problem}</translation>
        </message>
    </context>
    <context>
        <name>schema</name>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="54" />
            <source>Title</source>
            <translation>제목</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="55" />
            <source>The headline readers see first.</source>
            <translation>독자가 가장 먼저 보는 제목입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="56" />
            <source>Categories</source>
            <translation>카테고리</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="57" />
            <source>Press Enter to add a category.</source>
            <translation>Enter 키를 눌러 카테고리를 추가합니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="58" />
            <source>Tags</source>
            <translation>태그</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="59" />
            <source>Press Enter to add a tag.</source>
            <translation>Enter 키를 눌러 태그를 추가합니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="60" />
            <source>Excerpt</source>
            <translation>요약</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="61" />
            <source>Summary for listings and search results.</source>
            <translation>목록과 검색 결과에 보이는 요약입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="62" />
            <source>Feature text</source>
            <translation>대표 문구</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="63" />
            <source>Text shown over the feature image.</source>
            <translation>대표 이미지 위에 보이는 문구입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="64" />
            <source>Image</source>
            <translation>이미지</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="65" />
            <source>Web address or local file of the feature image.</source>
            <translation>대표 이미지의 웹 주소나 로컬 파일입니다.</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="66" />
            <source>Date</source>
            <translation>날짜</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="67" />
            <source>Layout</source>
            <translation>레이아웃</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="68" />
            <source>Permalink</source>
            <translation>고유 주소</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="69" />
            <source>Published</source>
            <translation>공개</translation>
        </message>
        <message>
            <location filename="../../editor/ui/form/front_matter.py" line="70" />
            <source>Jekyll leaves out posts marked as not published.</source>
            <translation>Jekyll은 공개하지 않음으로 표시한 글을 빼고 만듭니다.</translation>
        </message>
    </context>
</TS>