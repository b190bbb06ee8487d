// The FormLab live page: video (camera or file) -> MediaPipe Pose in this browser (files served by
// formlab serve at /mediapipe/, nothing from the network) -> 33 landmarks per frame -> /api/live
// WebSocket -> posture, squat count and cue drawn beside the video with the skeleton.
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

  const $ = id => document.getElementById(id);
  const video = $('video');
  const canvas = $('canvas');
  const draw = canvas.getContext('2d');
  const params = new URLSearchParams(location.search);

  // What the page shows and holds; read by tests and by whoever opens the console.
  const state = {
    ready: false, running: false, frames: 0, framesWithPerson: 0, answers: 0, fps: null, error: null,
    last: null, log: [], serverMillis: [], recording: false, recorded: [], times: []
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
    const model = params.get('model');
    socket = new WebSocket(scheme + '//' + location.host + '/api/live' + (model ? '?model=' + encodeURIComponent(model) : ''));
    socket.onmessage = event => show(JSON.parse(event.data));
    socket.onclose = () => { status('Connection to the server closed; reload the page to reconnect.', true); };
  }

  function show(answer) {
    if (answer.connected) { $('model').textContent = answer.model; return; }
    if (answer.error) { status('Server: ' + answer.error, true); return; }
    state.answers++;
    state.last = answer;
    state.serverMillis.push(answer.serverMillis);
    state.log.push(answer);
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
    $('squats').textContent = '0'; $('squatsHip').textContent = '0';
    connect();
  }

  // --- pose estimation ---------------------------------------------------------------------------
  let pose = null;
  try {
    pose = new Pose({ locateFile: file => 'mediapipe/' + file });
    pose.setOptions({ modelComplexity: Number(params.get('complexity') || 0), smoothLandmarks: true,
      minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
    pose.onResults(onResults);
  } catch (e) {
    status('MediaPipe Pose did not load (' + e + '). The server serves it from /mediapipe/: run "make pose-models".', true);
  }

  function onResults(results) {
    const now = performance.now();
    state.times.push(now);
    if (state.times.length > FPS_WINDOW) { state.times.shift(); }
    if (state.times.length > 1) {
      state.fps = (state.times.length - 1) * 1000 / (now - state.times[0]);
      $('fps').textContent = state.fps.toFixed(1);
    }
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
  async function loop() {
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
    if (!pose) { return; }
    try {
      state.running = false;
      await setSource();
      await video.play();
      status('Starting MediaPipe Pose ...');
      await pose.initialize();
      state.ready = true;
      $('record').disabled = false;
      status('Running: ' + video.videoWidth + 'x' + video.videoHeight + ' video, MediaPipe Pose in this browser,'
        + ' predictions from /api/live.');
      loop();
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

  connect();
  if (pose) {
    status('Choose "Use camera" or a video file.');
    if (params.get('autostart') === 'camera') { $('camera').click(); }
  }
})();
