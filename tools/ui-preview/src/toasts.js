// Lightning Experience shows a component's toasts at the top of the page,
// with the design system's toast markup; success and info toasts close
// themselves after a few seconds, error and warning ones stay until closed.
const ICONS = { success: 'success', error: 'error', warning: 'warning', info: 'info' };
const STAYS = ['error', 'warning'];

function container() {
    let region = document.getElementById('toasts');
    if (!region) {
        region = document.createElement('div');
        region.id = 'toasts';
        region.className = 'slds-notify_container slds-is-fixed';
        region.setAttribute('role', 'status');
        document.body.appendChild(region);
    }
    return region;
}

export function showToast({ title = '', message = '', variant = 'info', mode } = {}) {
    const kind = ICONS[variant] ? variant : 'info';
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${kind}`;
    toast.dataset.variant = kind;
    toast.innerHTML = `
        <span class="slds-assistive-text">${kind}</span>
        <span class="slds-icon_container slds-icon-utility-${kind} slds-m-right_small slds-no-flex slds-align-top">
            <svg class="slds-icon slds-icon_small" aria-hidden="true">
                <use href="/assets/icons/utility-sprite/svg/symbols.svg#${kind}"></use>
            </svg>
        </span>
        <div class="slds-notify__content">
            <h2 class="slds-text-heading_small"></h2>
            <p></p>
        </div>
        <div class="slds-notify__close">
            <button class="slds-button slds-button_icon slds-button_icon-inverse" title="Close">
                <svg class="slds-button__icon slds-button__icon_large" aria-hidden="true">
                    <use href="/assets/icons/utility-sprite/svg/symbols.svg#close"></use>
                </svg>
                <span class="slds-assistive-text">Close</span>
            </button>
        </div>`;
    toast.querySelector('h2').textContent = title;
    toast.querySelector('p').textContent = message;
    toast.querySelector('button').addEventListener('click', () => toast.remove());
    container().appendChild(toast);
    if (mode !== 'sticky' && !STAYS.includes(kind)) {
        setTimeout(() => toast.remove(), 5000);
    }
}
