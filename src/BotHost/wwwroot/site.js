// Demo operator page: the "site back end" (/demo/token) holds the Direct Line secret and signs the player in;
// Web Chat then talks to this host's Direct Line endpoint directly.
(async function () {
  const playerSelect = document.getElementById('player');
  const localeSelect = document.getElementById('locale');
  const status = document.getElementById('status');
  const linking = document.getElementById('linking');
  const linkResult = document.getElementById('link-code');
  const params = new URLSearchParams(location.search);

  const players = await (await fetch('/demo/players')).json();
  for (const p of players) {
    const option = document.createElement('option');
    option.value = p.playerId;
    option.textContent = `${p.displayName} (${p.playerId})`;
    playerSelect.appendChild(option);
  }
  if (params.has('player')) playerSelect.value = params.get('player');
  if (params.has('locale')) {
    // en-US picks English (en-GB): match the language when the exact locale is not offered.
    const wanted = params.get('locale');
    const language = wanted.split('-')[0].toLowerCase();
    const option = [...localeSelect.options].find(o => o.value === wanted) || [...localeSelect.options].find(o => o.value.split('-')[0] === language);
    if (option) localeSelect.value = option.value;
  }

  async function start() {
    const locale = localeSelect.value;
    const response = await fetch('/demo/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ playerId: playerSelect.value || null, locale, name: playerSelect.value ? playerSelect.selectedOptions[0].textContent : 'Guest' })
    });
    const { token, verified } = await response.json();
    status.textContent = verified ? 'Signed in: the assistant can answer questions about your account.' : 'Not signed in: account questions will ask you to sign in.';
    linking.hidden = !verified;
    linkResult.replaceChildren();
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

  // Profile → Linked apps on a real site: a one-time code the player sends the bot in Telegram or Teams.
  async function linkApps() {
    const response = await fetch('/demo/link-code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ playerId: playerSelect.value })
    });
    if (!response.ok) { linkResult.textContent = 'No code: linking is only available for the demo players.'; return; }
    const { teamsCommand, telegramUrl } = await response.json();
    const command = document.createElement('code');
    command.textContent = teamsCommand;
    const parts = ['In a private chat with the bot in Teams, send ', command];
    if (telegramUrl) {
      const telegram = document.createElement('a');
      telegram.href = telegramUrl;
      telegram.target = '_blank';
      telegram.rel = 'noopener';
      telegram.textContent = 'open Telegram';
      parts.push(', or ', telegram);
    }
    parts.push('. The code works once and expires in a few minutes.');
    linkResult.replaceChildren(...parts);
  }

  document.getElementById('link-apps').addEventListener('click', linkApps);
  document.getElementById('session').addEventListener('submit', e => { e.preventDefault(); start(); });
  start();
})();
