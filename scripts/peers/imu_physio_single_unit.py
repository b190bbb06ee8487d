#!/usr/bin/env python3
"""Exploration: why one sensor unit of imu-physio-yurtman generalises badly across subjects.

A scikit-learn random forest (100 trees, random_state=42) on 4 s windows every 2 s of ONE unit (raw
m/s^2 and rad/s), leave-one-subject-out, with feature groups that do or do not depend on how the
unit sits on the limb, and optional rotated copies of the training windows. Prints the per-window
accuracy and the accuracy of each held-out subject. The numbers are quoted in
docs/dataset-descriptions.md ("Measured on imu-physio-yurtman"); none of these ideas beat the
default FormLab features there, so none is in the library.

Feature groups (join with '+'): axes (per-axis statistics, spectrum, autocorrelation, gravity
direction), mag (acceleration and angular-speed magnitudes), gf (components along and across the
low-passed gravity), ang (gravity wander, angles of the main rotation and movement axes to gravity,
their shares, total rotation), invX / invY / invZ (invariant to a turn about that sensor axis),
rot (unsigned main rotation and movement axes), dyn (per-axis spread and spectrum only), grav
(gravity direction), norm (each window's movement scaled to a fixed RMS first), addn (scaled axes added).

  python3 scripts/peers/imu_physio_single_unit.py --unit u3 --features axes+mag+gf+ang --rotate-deg 20 --copies 2
  python3 scripts/peers/imu_physio_single_unit.py --orientation   # how alike the subjects wear each unit
"""
import argparse
import os

import numpy as np
from scipy.signal import butter, filtfilt
from scipy.spatial.transform import Rotation as Rot
from sklearn.ensemble import RandomForestClassifier

W, S = 100, 50
AUGMAX = 180.0


def load(root):
    """Recordings in subject, exercise, session order; each unit's rows x 6 (acc m/s^2, gyr rad/s)."""
    recs = []
    for s in range(1, 6):
        for e in range(1, 9):
            for sess in ["template_session", "test"]:
                units = [np.loadtxt(f"{root}/s{s}/e{e}/u{u}/{sess}.txt", delimiter=";", skiprows=1)[:, 1:7]
                         for u in range(1, 6)]
                n = min(len(x) for x in units)
                recs.append(dict(s=s, e=e, sess=sess, u=[x[:n] for x in units]))
    return recs

b, a = butter(2, 0.3 / 12.5)
def stats(x):
    p=np.percentile(x,[10,25,50,75,90])
    f=np.abs(np.fft.rfft((x-x.mean())*np.hanning(len(x))))
    ac=np.correlate(x-x.mean(),x-x.mean(),'full')[len(x)-1:]; ac=ac/(ac[0]+1e-12)
    lag=ac[12:50]; 
    return np.concatenate([[x.mean(),x.std(),x.min(),x.max(),np.ptp(x)],p,f[1:13],[lag.max(),np.argmax(lag)+12]])
def unit(v): return v/(np.linalg.norm(v)+1e-12)
def feats(acc,gyr,kind):
    out=[]
    if 'addn' in kind:
        d=acc-acc.mean(0); d=d/(np.sqrt((d**2).sum(1).mean())+1e-3)
        gn=gyr/(np.sqrt((gyr**2).sum(1).mean())+1e-3)
        for c in range(3): out.append(stats(d[:,c])[1:])
        for c in range(3): out.append(stats(gn[:,c])[1:])
    if 'norm' in kind:
        gm0=acc.mean(0); d=acc-gm0; d=d/(np.sqrt((d**2).sum(1).mean())+1e-3); acc=gm0+d*0.5
        gyr=gyr/(np.sqrt((gyr**2).sum(1).mean())+1e-3)
    g=filtfilt(b,a,acc,axis=0,padlen=min(99,3*3))  # gravity
    gm=unit(acc.mean(0))
    if 'axes' in kind:
        for c in range(3): out.append(stats(acc[:,c]))
        for c in range(3): out.append(stats(gyr[:,c]))
        out.append(gm)
    if 'dyn' in kind:
        for c in range(3): out.append(stats(acc[:,c])[[1,4]+list(range(10,24))])
        for c in range(3): out.append(stats(gyr[:,c])[[1,4]+list(range(10,24))])
    if 'rot' in kind:
        for M in (gyr,acc):
            w,v=np.linalg.eigh(np.cov(M.T)); ax=v[:,-1]
            out.append([ax[0]**2,ax[1]**2,ax[2]**2,ax[0]*ax[1],ax[0]*ax[2],ax[1]*ax[2]])
    for ai,nm in enumerate('XYZ'):
        if 'inv'+nm in kind:
            o=[j for j in range(3) if j!=ai]
            out.append(stats(acc[:,ai])); out.append(stats(gyr[:,ai]))
            out.append(stats(np.hypot(acc[:,o[0]],acc[:,o[1]]))); out.append(stats(np.hypot(gyr[:,o[0]],gyr[:,o[1]])))
            lin=acc-acc.mean(0)
            out.append([np.degrees(np.arctan2(abs((lin[:,o[0]]*gyr[:,o[1]]-lin[:,o[1]]*gyr[:,o[0]]).mean()),abs((lin[:,o[0]]*gyr[:,o[0]]+lin[:,o[1]]*gyr[:,o[1]]).mean())+1e-9))])
    if 'grav' in kind:
        out.append(gm)
    am=np.linalg.norm(acc,axis=1); wm=np.linalg.norm(gyr,axis=1)
    if 'mag' in kind:
        out.append(stats(am)); out.append(stats(wm))
    if 'gf' in kind:
        gu=g/np.linalg.norm(g,axis=1,keepdims=True)
        lin=acc-g
        av=(lin*gu).sum(1); ah=np.linalg.norm(lin-av[:,None]*gu,axis=1)
        wv=(gyr*gu).sum(1); wh=np.linalg.norm(gyr-wv[:,None]*gu,axis=1)
        for x in (av,ah,wv,wh): out.append(stats(x))
    if 'ang' in kind:
        # gravity wander, rotation axis vs gravity, shares
        gu=g/np.linalg.norm(g,axis=1,keepdims=True)
        ang=np.degrees(np.arccos(np.clip(gu@gm,-1,1)))
        C=np.cov(gyr.T); w,v=np.linalg.eigh(C); ax=v[:,-1]
        Ca=np.cov(acc.T); wa,va=np.linalg.eigh(Ca); axa=va[:,-1]
        # angle between gravity at start and end of window, tilt path
        tot=np.sum(wm)/25
        out.append([ang.max(),ang.std(),np.degrees(np.arccos(abs(ax@gm))),w[-1]/(w.sum()+1e-12),w[-2]/(w.sum()+1e-12),
                    np.degrees(np.arccos(abs(axa@gm))),wa[-1]/(wa.sum()+1e-12),tot,np.degrees(np.arccos(abs(ax@axa)))])
    return np.concatenate([np.ravel(o) for o in out])
def build(U,kind,aug=0,seed=0):
    rng=np.random.default_rng(seed)
    X,y,g,rid,A=[],[],[],[],[]
    for i,r in enumerate(recs):
        x=r['u'][U]
        for st in range(0,len(x)-W+1,S):
            acc=x[st:st+W,:3]; gyr=x[st:st+W,3:]
            X.append(feats(acc,gyr,kind)); y.append(r['e']); g.append(r['s']); rid.append(i); A.append(0)
            for k in range(aug):
                R=Rot.random(random_state=rng.integers(1<<31)).as_matrix() if AUGMAX>=180 else Rot.from_rotvec(unit(rng.normal(size=3))*np.radians(rng.uniform(0,AUGMAX))).as_matrix()
                X.append(feats(acc@R.T,gyr@R.T,kind)); y.append(r['e']); g.append(r['s']); rid.append(i); A.append(1)
    return np.array(X),np.array(y),np.array(g),np.array(rid),np.array(A)
def loso(X,y,g,rid,A):
    pred=np.zeros(len(y)); res={}
    for s in range(1,6):
        tr=(g!=s); te=(g==s)&(A==0)
        m=RandomForestClassifier(100,random_state=42,n_jobs=2).fit(X[tr],y[tr])
        p=m.predict(X[te]); res[s]=(p==y[te]).mean(); pred[te]=p
    te=A==0
    return (pred[te]==y[te]).mean(),res


def orientation(recs):
    """How alike the subjects wear each unit, from the mean acceleration direction of each test session."""
    g = {}
    for r in recs:
        if r["sess"] == "test":
            for u in range(5):
                m = r["u"][u][:, :3].mean(0)
                g[(r["s"], u, r["e"])] = m / np.linalg.norm(m)

    def angle(a, b):
        return np.degrees(np.arccos(np.clip(a @ b, -1, 1)))

    for u in range(5):
        print("u%d: mean angle to s1 over the 8 exercises" % (u + 1),
              " ".join("s%d %.0f" % (s, np.mean([angle(g[(s, u, e)], g[(1, u, e)]) for e in range(1, 9)]))
                       for s in range(2, 6)))
    for name, exercises in (("lower body", [1, 3, 4, 5]), ("upper body", [2, 6, 7, 8])):
        for s in range(2, 6):
            a = np.array([g[(1, 2, e)] for e in exercises])
            b = np.array([g[(s, 2, e)] for e in exercises])
            rotation, _ = Rot.align_vectors(b, a)
            left = [angle(rotation.apply(x), y) for x, y in zip(a, b)]
            print("u3 %s s%d: best turn of s1's unit %.0f degrees, left per exercise %s"
                  % (name, s, np.degrees(rotation.magnitude()), np.round(left).astype(int).tolist()))


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--unit", default="u3")
    p.add_argument("--features", default="axes+mag+gf+ang")
    p.add_argument("--rotate-deg", type=float, default=180.0, help="largest angle of a copy's random rotation (180: any)")
    p.add_argument("--copies", type=int, default=0, help="rotated copies of each training window")
    p.add_argument("--orientation", action="store_true", help="only print how alike the subjects wear each unit")
    args = p.parse_args()
    AUGMAX = args.rotate_deg
    recs = load(os.path.join(os.environ.get("FORMLAB_DATA_DIR", "../shared/data"), "imu-physio-yurtman"))
    if args.orientation:
        orientation(recs)
        raise SystemExit(0)
    X, y, g, rid, A = build(int(args.unit.lstrip("u")) - 1, args.features, args.copies)
    acc, res = loso(X, y, g, rid, A)
    print(args.unit, args.features, "copies", args.copies, "rotate", AUGMAX, "per window %.3f" % acc,
          {"s%d" % k: round(v, 3) for k, v in res.items()}, flush=True)
