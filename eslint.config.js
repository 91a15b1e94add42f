// ESLint 9 flat config for the package's Lightning Web Components.
// The lwc config ships as an array of flat configs; it is scoped here to the
// lwc folder so that nothing else in the repository is linted by it.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const globals = require('globals');

const lwcFiles = ['force-app/main/default/lwc/**/*.js'];

module.exports = [
    {
        ignores: [
            '**/node_modules/**',
            'coverage/**',
            '**/.sfdx/**',
            '**/.sf/**'
        ]
    },
    ...lwcConfig.configs.recommended.map((config) => ({
        ...config,
        files: lwcFiles
    })),
    {
        // Jest tests run in Node: allow its globals and the wire test adapters
        files: ['force-app/main/default/lwc/**/__tests__/**/*.js'],
        languageOptions: {
            globals: { ...globals.node }
        },
        rules: {
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        }
    },
    {
        // The tooling's own configuration files are CommonJS in Node
        files: ['eslint.config.js', 'jest.config.js'],
        languageOptions: {
            sourceType: 'commonjs',
            globals: { ...globals.node }
        }
    }
];
