const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    // Base components sfdx-lwc-jest has no stub for
    moduleNameMapper: {
        '^lightning/modal$': '<rootDir>/jest-mocks/lightning/modal'
    },
    // The middleware's build output is not the package's
    testPathIgnorePatterns: [
        '<rootDir>/node_modules/',
        '<rootDir>/middleware/',
        '<rootDir>/target/'
    ]
};
