const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
    // The middleware's build output is not the package's
    testPathIgnorePatterns: [
        '<rootDir>/node_modules/',
        '<rootDir>/middleware/',
        '<rootDir>/target/'
    ]
};
