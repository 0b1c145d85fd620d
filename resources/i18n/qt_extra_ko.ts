<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that the qtbase_ko.qm shipped with PySide6 6.11 does not translate yet
     (Qt added access keys to these labels; the Korean catalogue still has the old texts).
     Compile with: pyside6-lrelease resources/i18n/qt_extra_ko.ts -qm resources/i18n/qt_extra_ko.qm -->
<TS version="2.1" language="ko_KR">
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>다음에서 찾기(&amp;L):</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>파일 형식(&amp;T):</translation>
        </message>
    </context>
</TS>
