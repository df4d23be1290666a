// Puts our translations over the English that wagtail-localize's editor bundle writes without
// gettext (translation/editor_labels.py), and again whenever React re-renders.
(() => {
    const labels = JSON.parse(document.getElementById("translation-editor-labels").textContent);
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const props = JSON.parse(editor.dataset.props || "{}");
    const replacements = new Map([["More actions", labels.moreActions]]);
    if (props.sourceLocale && props.locale) {
        const source = props.sourceLocale.displayName;
        const target = props.locale.displayName;
        replacements.set(
            `${source} to ${target} translation`,
            labels.sectionTitle.replace("%(source)s", source).replace("%(target)s", target),
        );
    }
    const englishDate = new RegExp(`\\b(\\d{1,2}) (${Object.keys(labels.months).join("|")}) (\\d{4})\\b`, "g");

    const relabel = (node) => {
        const text = node.nodeValue;
        let translated = replacements.get(text.trim()) ?? text;
        translated = translated.replace(englishDate, (_date, day, month, year) => `${day} ${labels.months[month]} ${year}`);
        if (translated !== text) node.nodeValue = translated;
    };
    const relabelAll = () => {
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) relabel(walker.currentNode);
    };
    relabelAll();
    new MutationObserver(relabelAll).observe(editor, { childList: true, subtree: true, characterData: true });
})();
