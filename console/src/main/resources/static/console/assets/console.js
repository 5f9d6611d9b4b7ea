// The console's only script: copy buttons, and the redirect URLs shown when the authorization-code grant is chosen.
// Everything works without it except copying to the clipboard (select the field and copy by hand).
document.addEventListener('DOMContentLoaded', () => {
    const status = document.getElementById('copy-status');
    document.querySelectorAll('button[data-copy]').forEach((button) => {
        button.addEventListener('click', async () => {
            const field = document.getElementById(button.dataset.copy);
            try {
                await navigator.clipboard.writeText(field.value);
            } catch (e) {
                field.select();
                document.execCommand('copy');
            }
            if (status) {
                status.textContent = button.textContent.replace('Copy', 'Copied') + '.';
            }
        });
    });
    const code = document.querySelector('input[name="grantTypes"][value="AUTHORIZATION_CODE"]');
    const redirects = document.getElementById('redirect-uris');
    if (code && redirects) {
        const show = () => { redirects.hidden = !code.checked; };
        code.addEventListener('change', show);
        show();
    }
});
