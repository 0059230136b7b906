// Demo operator page: the "site back end" (/demo/token) holds the Direct Line secret and signs the player in;
// Web Chat then talks to this host's Direct Line endpoint directly.
(async function () {
  const playerSelect = document.getElementById('player');
  const localeSelect = document.getElementById('locale');
  const status = document.getElementById('status');
  const params = new URLSearchParams(location.search);

  const players = await (await fetch('/demo/players')).json();
  for (const p of players) {
    const option = document.createElement('option');
    option.value = p.playerId;
    option.textContent = `${p.displayName} (${p.playerId})`;
    playerSelect.appendChild(option);
  }
  if (params.has('player')) playerSelect.value = params.get('player');
  if (params.has('locale')) localeSelect.value = params.get('locale');

  async function start() {
    const locale = localeSelect.value;
    const response = await fetch('/demo/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ playerId: playerSelect.value || null, locale, name: playerSelect.value ? playerSelect.selectedOptions[0].textContent : 'Guest' })
    });
    const { token, verified } = await response.json();
    status.textContent = verified ? 'Signed in: the assistant can answer questions about your account.' : 'Not signed in: account questions will ask you to sign in.';
    const directLine = window.WebChat.createDirectLine({ token, domain: `${location.origin}/v3/directline`, webSocket: params.get('websocket') !== 'false' });
    window.directLine = directLine;
    window.WebChat.renderWebChat({
      directLine,
      locale,
      styleOptions: {
        accent: '#1a1f3d',
        botAvatarInitials: '★',
        userAvatarInitials: 'You',
        bubbleBorderRadius: 10,
        bubbleFromUserBorderRadius: 10,
        bubbleFromUserBackground: '#f5e7b8',
        suggestedActionLayout: 'flow',
        hideUploadButton: true
      }
    }, document.getElementById('webchat'));
    document.querySelector('#webchat input, #webchat textarea')?.focus();
  }

  document.getElementById('session').addEventListener('submit', e => { e.preventDefault(); start(); });
  start();
})();
