// Every icon name the package's components use exists in the Lightning Design
// System's icon folders: an unknown name renders an empty square in an org,
// and no component test would notice. Names are read from the templates
// (icon-name="category:name") and from the components' scripts (names passed
// to icon-name={...} through data, such as the status and check icons).
const fs = require('fs');
const path = require('path');

const LWC_DIR = path.resolve(__dirname, '..');
const ICONS_DIR = path.join(
    path.dirname(require.resolve('@salesforce-ux/design-system/package.json')),
    'assets/icons'
);
const CATEGORIES = ['action', 'custom', 'doctype', 'standard', 'utility'];
const TEMPLATE_NAME = /icon-name="([a-z]+:[A-Za-z0-9_]+)"/g;
const SCRIPT_NAME = new RegExp(
    `['"\`]((?:${CATEGORIES.join('|')}):[A-Za-z0-9_]+)['"\`]`,
    'g'
);

/** The component sources (no tests, no fixtures) as {file, text} */
function componentSources() {
    return fs
        .readdirSync(LWC_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && entry.name !== '__tests__')
        .flatMap((entry) =>
            fs
                .readdirSync(path.join(LWC_DIR, entry.name))
                .filter((file) => /\.(html|js)$/.test(file))
                .map((file) => path.join(LWC_DIR, entry.name, file))
        )
        .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/** [{name, where}] for every icon name in the sources */
function iconNamesUsed() {
    return componentSources().flatMap(({ file, text }) => {
        const pattern = file.endsWith('.html') ? TEMPLATE_NAME : SCRIPT_NAME;
        return [...text.matchAll(pattern)].map((match) => ({
            name: match[1],
            where: path.relative(LWC_DIR, file)
        }));
    });
}

function existsInDesignSystem(name) {
    const [category, icon] = name.split(':');
    return (
        CATEGORIES.includes(category) &&
        fs.existsSync(path.join(ICONS_DIR, category, `${icon}.svg`))
    );
}

describe('icon names', () => {
    it('reads the names from templates and from scripts', () => {
        const names = iconNamesUsed().map((used) => used.name);

        // One written in a template, one handed to a template from a script
        expect(names).toContain('standard:settings');
        expect(names).toContain('utility:success');
    });

    it('knows a design system icon from a made-up one', () => {
        expect(existsInDesignSystem('utility:delete')).toBe(true);
        expect(existsInDesignSystem('utility:no_such_icon')).toBe(false);
        expect(existsInDesignSystem('lightning:delete')).toBe(false);
    });

    it('uses only icons the Lightning Design System has', () => {
        const unknown = iconNamesUsed()
            .filter((used) => !existsInDesignSystem(used.name))
            .map((used) => `${used.name} (${used.where})`);

        expect(unknown).toEqual([]);
    });
});
