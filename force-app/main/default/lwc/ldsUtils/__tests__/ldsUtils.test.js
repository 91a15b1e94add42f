import { reduceErrors } from 'c/ldsUtils';

describe('c-lds-utils', () => {
    describe('reduceErrors', () => {
        it('returns an empty list for no error', () => {
            expect(reduceErrors(undefined)).toEqual([]);
            expect(reduceErrors([])).toEqual([]);
        });

        it('reads the message of an Apex error', () => {
            const error = {
                body: { message: 'Insufficient privileges' },
                status: 500
            };
            expect(reduceErrors(error)).toEqual(['Insufficient privileges']);
        });

        it('reads page and field errors of a DML exception', () => {
            const error = {
                body: {
                    pageErrors: [{ message: 'Page error' }],
                    fieldErrors: {}
                }
            };
            const fieldError = {
                body: {
                    pageErrors: [],
                    fieldErrors: {
                        Event_Filter_Days__c: [{ message: 'Enter 1 to 180' }],
                        Name: [{ message: 'Name is required' }]
                    }
                }
            };
            expect(reduceErrors(error)).toEqual(['Page error']);
            expect(reduceErrors(fieldError)).toEqual([
                'Enter 1 to 180',
                'Name is required'
            ]);
        });

        it('reads UI API errors and output errors', () => {
            expect(
                reduceErrors({ body: [{ message: 'a' }, { message: 'b' }] })
            ).toEqual(['a', 'b']);
            expect(
                reduceErrors({
                    body: { output: { errors: [{ message: 'c' }] } }
                })
            ).toEqual(['c']);
        });

        it('reads JavaScript errors and status texts, flattening several errors', () => {
            expect(
                reduceErrors([
                    new Error('js'),
                    { statusText: 'Not Found' },
                    null
                ])
            ).toEqual(['js', 'Not Found']);
        });
    });
});
