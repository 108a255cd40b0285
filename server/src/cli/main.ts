console.log('deploylint');
