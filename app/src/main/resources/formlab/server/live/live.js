// The FormLab live page: video (camera or file) -> 33 landmarks per frame -> posture, squat count and cue
// drawn beside the video with the skeleton, over the /api/live WebSocket. Two routes, nothing from the network:
//   server (default): each frame, scaled to FRAME_WIDTH px, goes to the server as a JPEG (a binary message);
//     the server runs MediaPipe Pose (detector once, then tracking) and answers with the landmarks too.
//     At most MAX_IN_FLIGHT frames wait for their answer; while they do, new camera frames are dropped.
//   browser (?route=browser): MediaPipe Pose runs in this browser (WASM, files served by formlab serve at
//     /mediapipe/) and only the landmarks go to the server.
'use strict';
(function () {
  const LANDMARKS = 33;
  // BlazePose's skeleton: pairs of landmark indices.
  const BONES = [[0, 1], [1, 2], [2, 3], [3, 7], [0, 4], [4, 5], [5, 6], [6, 8], [9, 10], [11, 12], [11, 13],
    [13, 15], [15, 17], [15, 19], [15, 21], [17, 19], [12, 14], [14, 16], [16, 18], [16, 20], [16, 22], [18, 20],
    [11, 23], [12, 24], [23, 24], [23, 25], [24, 26], [25, 27], [26, 28], [27, 29], [28, 30], [29, 31], [30, 32], [27, 31], [28, 32]];
  const MIN_VISIBILITY = 0.5;
  const FPS_WINDOW = 30;
  const LOG_SIZE = 2000;
  const MAX_IN_FLIGHT = 2;
  const JPEG_QUALITY = 0.8;
  // a camera gives a new frame every 33 ms at 30 frames per second: grabbing faster would resend the same frame
  const MIN_GRAB_MS = 30;

  const $ = id => document.getElementById(id);
  const video = $('video');
  const canvas = $('canvas');
  const draw = canvas.getContext('2d');
  const params = new URLSearchParams(location.search);
  const route = params.get('route') === 'browser' ? 'browser' : 'server';
  const FRAME_WIDTH = Number(params.get('width') || 320);

  // What the page shows and holds; read by tests and by whoever opens the console.
  const state = {
    route: route, ready: false, running: false, frames: 0, framesWithPerson: 0, answers: 0, fps: null,
    error: null, last: null, log: [], serverMillis: [], recording: false, recorded: [], times: []
  };
  window.formlabLive = { state: state, csv: csv, reset: reset };

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
    if (isError) { state.error = text; }
  }

  // --- server connection -------------------------------------------------------------------------
  let socket = null;
  function connect() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const query = new URLSearchParams();
    if (params.get('model')) { query.set('model', params.get('model')); }
    if (params.get('complexity')) { query.set('complexity', params.get('complexity')); }
    socket = new WebSocket(scheme + '//' + location.host + '/api/live' + (query.toString() ? '?' + query : ''));
    socket.onmessage = event => show(JSON.parse(event.data));
    socket.onclose = () => { status('Connection to the server closed; reload the page to reconnect.', true); };
  }

  function show(answer) {
    if (answer.connected) { $('model').textContent = answer.model; return; }
    const sent = route === 'server' ? inFlight.shift() : null;
    if (wake) { wake(); }
    if (answer.error) { status('Server: ' + answer.error, true); return; }
    if (route === 'server') {
      const landmarks = answer.landmarks ? unflatten(answer.landmarks) : null;
      tick();
      if (landmarks) {
        state.framesWithPerson++;
        if (state.recording) { state.recorded.push(answer.landmarks); $('recorded').textContent = state.recorded.length; }
      }
      state.last = answer;
      if (sent) { paint(sent.canvas, landmarks); }
    }
    state.answers++;
    state.last = answer;
    state.serverMillis.push(answer.serverMillis);
    // the log keeps the answers without their landmarks (132 numbers each): it is read whole by tests
    state.log.push(Object.assign({}, answer, { landmarks: undefined }));
    if (state.log.length > LOG_SIZE) { state.log.shift(); }
    $('posture').textContent = answer.posture || (answer.person ? '-' : 'no person');
    $('confidence').textContent = answer.confidence == null ? '-' : (100 * answer.confidence).toFixed(0) + ' %';
    $('model').textContent = answer.model;
    $('phase').textContent = answer.phase || '-';
    $('squats').textContent = answer.squats;
    $('squatsHip').textContent = answer.squatsFromHipHeight;
    $('knee').textContent = answer.kneeAngle == null ? '-' : answer.kneeAngle.toFixed(0) + '°';
    $('cue').textContent = answer.cue;
    $('server').textContent = answer.serverMillis.toFixed(1) + ' ms';
  }

  function reset() {
    if (socket) { socket.close(); socket.onclose = null; }
    state.frames = 0; state.framesWithPerson = 0; state.answers = 0; state.last = null; state.log = []; state.serverMillis = [];
    inFlight.length = 0;
    $('squats').textContent = '0'; $('squatsHip').textContent = '0';
    connect();
  }

  // The frame rate the page reaches: answered frames over the last FPS_WINDOW.
  function tick() {
    const now = performance.now();
    state.times.push(now);
    if (state.times.length > FPS_WINDOW) { state.times.shift(); }
    if (state.times.length > 1) {
      state.fps = (state.times.length - 1) * 1000 / (now - state.times[0]);
      $('fps').textContent = state.fps.toFixed(1);
    }
  }

  // --- server route: frames to the server as JPEGs ------------------------------------------------
  const inFlight = [];
  const grabs = Array.from({ length: MAX_IN_FLIGHT + 1 }, () => document.createElement('canvas'));
  let nextGrab = 0;
  let lastGrab = -Infinity;
  let wake = null;

  function unflatten(flat) {
    const out = new Array(LANDMARKS);
    for (let i = 0; i < LANDMARKS; i++) {
      out[i] = { x: flat[4 * i], y: flat[4 * i + 1], z: flat[4 * i + 2], visibility: flat[4 * i + 3] };
    }
    return out;
  }

  // The current video frame drawn into the next grab canvas, FRAME_WIDTH px wide.
  function grab() {
    const canvas = grabs[nextGrab];
    nextGrab = (nextGrab + 1) % grabs.length;
    const width = Math.min(FRAME_WIDTH, video.videoWidth);
    const height = Math.round(video.videoHeight * width / video.videoWidth);
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    canvas.getContext('2d').drawImage(video, 0, 0, width, height);
    return canvas;
  }

  function answered(ms) {
    return new Promise(resolve => {
      const timer = setTimeout(resolve, ms);
      wake = () => { clearTimeout(timer); wake = null; resolve(); };
    });
  }

  async function serverLoop() {
    state.running = true;
    while (state.running) {
      const playing = video.readyState >= 2 && !video.paused && !video.ended;
      const open = socket && socket.readyState === WebSocket.OPEN;
      const now = performance.now();
      if (playing && open && inFlight.length < MAX_IN_FLIGHT && now - lastGrab >= MIN_GRAB_MS) {
        lastGrab = now;
        const canvas = grab();
        const jpeg = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
        if (!state.running || !jpeg) { continue; }
        inFlight.push({ frame: state.frames, canvas: canvas });
        socket.send(jpeg);
        state.frames++;
        continue;
      }
      await answered(!playing ? 100 : inFlight.length >= MAX_IN_FLIGHT ? 200 : Math.max(1, MIN_GRAB_MS - (now - lastGrab)));
    }
  }

  // --- browser route: MediaPipe Pose in this page ------------------------------------------------
  let pose = null;
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src + ' did not load'));
      document.head.appendChild(script);
    });
  }

  async function loadPose() {
    try {
      await loadScript('mediapipe/pose.js');
      pose = new Pose({ locateFile: file => 'mediapipe/' + file });
      pose.setOptions({ modelComplexity: Number(params.get('complexity') || 0), smoothLandmarks: true,
        minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
      pose.onResults(onResults);
      return true;
    } catch (e) {
      status('MediaPipe Pose did not load (' + e + '). The server serves it from /mediapipe/: run "make pose-models".', true);
      return false;
    }
  }

  function onResults(results) {
    tick();
    const landmarks = results.poseLandmarks || null;
    paint(results.image, landmarks);
    const flat = landmarks ? flatten(landmarks) : null;
    if (flat) {
      state.framesWithPerson++;
      if (state.recording) { state.recorded.push(flat); $('recorded').textContent = state.recorded.length; }
    }
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ frame: state.frames, landmarks: flat }));
    }
    state.frames++;
  }

  function flatten(landmarks) {
    const out = new Array(LANDMARKS * 4);
    for (let i = 0; i < LANDMARKS; i++) {
      const p = landmarks[i];
      out[4 * i] = p.x; out[4 * i + 1] = p.y; out[4 * i + 2] = p.z; out[4 * i + 3] = p.visibility;
    }
    return out;
  }

  function paint(image, landmarks) {
    if (!image.width) { return; }
    if (canvas.width !== image.width || canvas.height !== image.height) {
      canvas.width = image.width; canvas.height = image.height;
    }
    draw.drawImage(image, 0, 0, canvas.width, canvas.height);
    if (!landmarks) { return; }
    const w = canvas.width, h = canvas.height;
    draw.lineWidth = Math.max(2, w / 200);
    draw.strokeStyle = '#3f3';
    for (const [a, b] of BONES) {
      if (landmarks[a].visibility < MIN_VISIBILITY || landmarks[b].visibility < MIN_VISIBILITY) { continue; }
      draw.beginPath();
      draw.moveTo(landmarks[a].x * w, landmarks[a].y * h);
      draw.lineTo(landmarks[b].x * w, landmarks[b].y * h);
      draw.stroke();
    }
    draw.fillStyle = '#f33';
    for (const p of landmarks) {
      if (p.visibility < MIN_VISIBILITY) { continue; }
      draw.beginPath();
      draw.arc(p.x * w, p.y * h, draw.lineWidth * 1.5, 0, 2 * Math.PI);
      draw.fill();
    }
    if (state.last && state.last.cue) {
      draw.font = Math.round(h / 22) + 'px system-ui, sans-serif';
      draw.fillStyle = 'rgba(0, 0, 0, 0.55)';
      draw.fillRect(0, h - h / 12, w, h / 12);
      draw.fillStyle = '#fff';
      const posture = state.last.posture ? state.last.posture + ' · ' : '';
      draw.fillText(posture + 'squats ' + state.last.squats + ' · ' + state.last.cue, w / 60, h - h / 40);
    }
  }

  // One frame at a time: the next frame is sent once the last one is answered by MediaPipe,
  // with a turn of the event loop between, so the page stays responsive on a slow machine.
  async function browserLoop() {
    state.running = true;
    while (state.running) {
      if (video.readyState >= 2 && !video.paused && !video.ended) {
        try {
          await pose.send({ image: video });
        } catch (e) {
          status('Pose estimation failed: ' + e, true);
          state.running = false;
          return;
        }
      }
      await new Promise(resolve => setTimeout(resolve, video.paused || video.ended ? 100 : 0));
    }
  }

  async function start(setSource) {
    if (route === 'browser' && !pose) { return; }
    try {
      state.running = false;
      await setSource();
      await video.play();
      if (route === 'browser') {
        status('Starting MediaPipe Pose ...');
        await pose.initialize();
      }
      state.ready = true;
      $('record').disabled = false;
      if (route === 'browser') {
        status('Running: ' + video.videoWidth + 'x' + video.videoHeight + ' video, MediaPipe Pose in this browser,'
          + ' predictions from /api/live.');
        browserLoop();
      } else {
        status('Running: ' + video.videoWidth + 'x' + video.videoHeight + ' video, frames of ' + Math.min(FRAME_WIDTH, video.videoWidth)
          + ' px width to the server, MediaPipe Pose and predictions from /api/live.');
        await new Promise(resolve => setTimeout(resolve, 0));
        serverLoop();
      }
    } catch (e) {
      status('Could not start: ' + e, true);
    }
  }

  $('camera').onclick = () => start(async () => {
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  });
  $('file').onchange = event => {
    const file = event.target.files[0];
    if (!file) { return; }
    start(async () => {
      if (video.srcObject) { video.srcObject.getTracks().forEach(t => t.stop()); video.srcObject = null; }
      video.src = URL.createObjectURL(file);
    });
  };
  $('reset').onclick = reset;

  // --- recording ---------------------------------------------------------------------------------
  // The PosePilot layout that the labelling and training commands read: header 0..131,asana, one frame per row.
  function csv() {
    const label = ($('label').value || 'unlabelled').replace(/[,\r\n"]/g, ' ').trim() || 'unlabelled';
    const header = Array.from({ length: LANDMARKS * 4 }, (_, i) => String(i)).concat(['asana']).join(',');
    return [header].concat(state.recorded.map(row => row.join(',') + ',' + label)).join('\n') + '\n';
  }

  $('record').onclick = () => {
    const button = $('record');
    if (!state.recording) {
      state.recorded = [];
      state.recording = true;
      button.textContent = 'Stop and save';
      button.classList.add('recording');
      return;
    }
    state.recording = false;
    button.textContent = 'Record';
    button.classList.remove('recording');
    if (state.recorded.length === 0) { status('Nothing recorded: no person was found while recording.', true); return; }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv()], { type: 'text/csv' }));
    link.download = 'formlab-live-' + new Date().toISOString().replace(/[:.]/g, '-') + '.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    status('Saved ' + state.recorded.length + ' frames as ' + link.download + ' (PosePilot layout).');
  };

  $('route').textContent = route === 'browser' ? 'in this browser (MediaPipe WASM)' : 'on the server (frames as JPEG)';
  connect();
  (route === 'browser' ? loadPose() : Promise.resolve(true)).then(ready => {
    if (!ready) { return; }
    status('Choose "Use camera" or a video file.');
    if (params.get('autostart') === 'camera') { $('camera').click(); }
  });
})();
