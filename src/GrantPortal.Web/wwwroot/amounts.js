// Amount fields (KrwInput, marked data-krw) group their digits by thousands as they are typed: 1000000 reads 1,000,000.
// This runs before Blazor reads the field, so the server receives the grouped text it would have produced itself and
// never rewrites the field under the person's fingers; the caret stays after the same digit.
(() => {
    const amount = /^\s*(-?)\s*₩?\s*([0-9,]*)\s*원?\s*$/;

    document.addEventListener('input', event => {
        const input = event.target;
        if (!(input instanceof HTMLInputElement) || !input.hasAttribute('data-krw')) {
            return;
        }

        const match = amount.exec(input.value);
        const digits = match ? match[2].replace(/,/g, '').replace(/^0+(?=\d)/, '') : '';
        if (!match || digits === '') {
            return; // Not an amount (yet): left as typed; the field says what is wrong.
        }

        const caret = input.selectionStart ?? input.value.length;
        const digitsBeforeCaret = input.value.slice(0, caret).replace(/[^0-9]/g, '').length;
        const grouped = match[1] + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        if (grouped === input.value) {
            return;
        }

        let position = 0;
        for (let seen = 0; position < grouped.length && seen < digitsBeforeCaret; position++) {
            if (grouped[position] >= '0' && grouped[position] <= '9') {
                seen++;
            }
        }

        input.value = grouped;
        input.setSelectionRange(position, position);
    }, true);
})();
